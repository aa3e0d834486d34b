package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * A stage's dataset could not be prepared (a missing export, too few usable facts, an overlong row).
 *
 * @param field the spec field to fix, e.g. {@code stages[1].dataset.path}, when there is one
 */
public record DatasetFailed(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        String dataset,
        String reason,
        String field) implements DatasetEvent {

    public DatasetFailed {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(dataset, "dataset");
        Require.present(reason, "reason");
    }

    public static DatasetFailed of(String experimentId, String runId, int stageIndex, String dataset, String reason,
            String field) {
        return new DatasetFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, dataset,
                reason, field);
    }
}
