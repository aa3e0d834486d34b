package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * The known-fact filter: which candidate facts does the base model already answer? Those are dropped from the
 * stage, so accuracy measures what training taught. Keyed by experiment, as it precedes any run's training.
 *
 * @param probeId identifies the probe; ProbeCompleted repeats it
 * @param fewShot number of solved examples put before each question
 */
public record ProbeJob(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String probeId,
        ModelRef model,
        String candidatesUri,
        int fewShot,
        int maxNewTokens,
        String metric,
        String outputUri) implements EvalCommand {

    public ProbeJob {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(probeId, "probeId");
        Require.present(model, "model");
        Require.present(candidatesUri, "candidatesUri");
        Require.present(metric, "metric");
        Require.present(outputUri, "outputUri");
    }

    public static ProbeJob of(String experimentId, String probeId, ModelRef model, String candidatesUri, int fewShot,
            int maxNewTokens, String metric, String outputUri) {
        return new ProbeJob(Envelope.newEventId(), Envelope.now(), experimentId, probeId, model, candidatesUri, fewShot,
                maxNewTokens, metric, outputUri);
    }
}
