package ai.mnemo.data.run;

/** A run's phase: waiting to begin (for its probes or an idle trainer), under way, or ended one of three ways. */
public enum RunPhase {
    PLANNED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
