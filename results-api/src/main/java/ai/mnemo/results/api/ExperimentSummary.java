package ai.mnemo.results.api;

import java.time.Instant;

/** One line of the experiment list: what it is, where it stands, and how its runs are doing. */
public record ExperimentSummary(
        String id,
        String name,
        String status,
        Instant submittedAt,
        String submittedBy,
        Integer plannedRuns,
        RunCounts runs) {
}
