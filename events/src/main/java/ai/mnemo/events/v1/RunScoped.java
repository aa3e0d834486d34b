package ai.mnemo.events.v1;

/** An event that belongs to one run; its {@link MnemoEvent#key()} is the run id whenever that is present. */
public interface RunScoped {

    /** The run; null only where the catalogue makes it optional ({@link EvalFailed} of a probe). */
    String runId();
}
