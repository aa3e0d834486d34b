package ai.mnemo.results.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An experiment with everything that came of it: the spec as submitted, and each run with its stages, their
 * datasets, settings, training outcomes, checkpoints and evaluations.
 *
 * @param spec the submitted spec; null until the request has been read
 * @param rejection why data-service rejected the spec; null unless rejected
 * @param cancellation when and by whom it was cancelled; null unless cancelled
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
        Cancellation cancellation,
        JsonNode spec,
        List<RunLineage> runs,
        Cost cost) {

    /** The cost summed from the runs. */
    public ExperimentLineage(String id, String name, String status, Instant submittedAt, String submittedBy,
            Integer plannedRuns, Rejection rejection, Cancellation cancellation, JsonNode spec,
            List<RunLineage> runs) {
        this(id, name, status, submittedAt, submittedBy, plannedRuns, rejection, cancellation, spec, runs,
                Cost.sum(runs.stream().map(RunLineage::cost).toList()));
    }

    /** The validator's reason and the spec field to fix ({@code stages[1].dataset.size}). */
    public record Rejection(String reason, String field) {
    }

    /** When the cancel was asked for, and the identity that asked (null when the event did not say). */
    public record Cancellation(Instant at, String by) {
    }
}
