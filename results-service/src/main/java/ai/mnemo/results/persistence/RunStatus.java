package ai.mnemo.results.persistence;

import java.util.Locale;

/** Where a run stands; like every status here it only moves forward, and a terminal status is final. */
public enum RunStatus {

    PLANNED(0),
    /** A trainer took one of its stages. */
    RUNNING(1),
    COMPLETED(2),
    FAILED(2),
    /** Its experiment was cancelled before the run ended. */
    CANCELLED(2);

    private final int rank;

    RunStatus(int rank) {
        this.rank = rank;
    }

    public RunStatus advance(RunStatus next) {
        return next.rank > rank ? next : this;
    }

    public boolean ended() {
        return rank == 2;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
