package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * The rows of one stage of one run are ready (filtered, formatted, mixed).
 *
 * @param dataset e.g. {@code kvr:A}
 * @param uri where the prepared rows are
 */
public record DatasetPrepared(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        String dataset,
        String uri,
        DatasetManifest manifest) implements DatasetEvent {

    public DatasetPrepared {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(dataset, "dataset");
        Require.present(uri, "uri");
        Require.present(manifest, "manifest");
    }

    public static DatasetPrepared of(String experimentId, String runId, int stageIndex, String dataset, String uri,
            DatasetManifest manifest) {
        return new DatasetPrepared(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, dataset,
                uri, manifest);
    }
}
