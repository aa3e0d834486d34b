package ai.mnemo.results.api;

/** The runs of an experiment by status; {@code total} counts the runs known so far. */
public record RunCounts(long total, long planned, long running, long completed, long failed, long cancelled) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);
}
