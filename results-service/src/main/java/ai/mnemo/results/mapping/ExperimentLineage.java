package ai.mnemo.results.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An experiment with everything that came of it: the spec as submitted, and each run with its stages, their
 * datasets, settings, training outcomes, checkpoints and evaluations.
 *
 * @param spec the submitted spec; null until the request has been read
 * @param rejection why data-service rejected the spec; null unless rejected
 * @param cost the device-seconds of every run
 */
public record ExperimentLineage(
        String id,
        String name,
        String status,
        Instant submittedAt,
        String submittedBy,
        Integer plannedRuns,
        Rejection rejection,
        JsonNode spec,
        List<RunLineage> runs,
        Cost cost) {

    /** The cost summed from the runs. */
    public ExperimentLineage(String id, String name, String status, Instant submittedAt, String submittedBy,
            Integer plannedRuns, Rejection rejection, JsonNode spec, List<RunLineage> runs) {
        this(id, name, status, submittedAt, submittedBy, plannedRuns, rejection, spec, runs,
                Cost.sum(runs.stream().map(RunLineage::cost).toList()));
    }

    /** The validator's reason and the spec field to fix ({@code stages[1].dataset.size}). */
    public record Rejection(String reason, String field) {
    }
}
