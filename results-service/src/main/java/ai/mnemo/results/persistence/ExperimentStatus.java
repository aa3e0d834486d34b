package ai.mnemo.results.persistence;

import java.util.Locale;

/**
 * Where an experiment stands. Statuses only move forward ({@link #advance}), so events that arrive late or out of
 * order (a replay, another topic's consumer running ahead) never undo what a later event established.
 */
public enum ExperimentStatus {

    /** Asked for (or only known from a later event that arrived first). */
    REQUESTED(0),
    /** data-service expanded the grid into runs. */
    PLANNED(1),
    /** The spec was invalid; nothing was planned. */
    REJECTED(2),
    /** Every planned run completed. */
    COMPLETED(2),
    /** Every planned run ended and at least one failed. */
    FAILED(2),
    /** Someone cancelled it (ExperimentCancelled) before it ended; its unfinished runs are cancelled too. */
    CANCELLED(2);

    private final int rank;

    ExperimentStatus(int rank) {
        this.rank = rank;
    }

    /** The later of the two; a status of equal rank (two terminal ones) does not replace the current one. */
    public ExperimentStatus advance(ExperimentStatus next) {
        return next.rank > rank ? next : this;
    }

    /** Completed, failed, rejected or cancelled: nothing more happens to it. */
    public boolean ended() {
        return rank == 2;
    }

    /** As shown over REST: {@code completed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
