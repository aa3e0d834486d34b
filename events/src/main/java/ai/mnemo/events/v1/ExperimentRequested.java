package ai.mnemo.events.v1;

import ai.mnemo.events.spec.ExperimentSpec;
import java.time.Instant;

/**
 * A researcher asks for an experiment. Anyone may publish it; the publisher chooses the experiment id (the CLI
 * and REST use a UUID). The spec travels as written; data-service validates it and resolves its defaults.
 *
 * @param submittedBy who asked, for people reading the results; optional
 */
public record ExperimentRequested(
        String eventId,
        Instant occurredAt,
        String experimentId,
        ExperimentSpec spec,
        String submittedBy) implements ExperimentEvent {

    public ExperimentRequested {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(spec, "spec");
    }

    public static ExperimentRequested of(String experimentId, ExperimentSpec spec, String submittedBy) {
        return new ExperimentRequested(Envelope.newEventId(), Envelope.now(), experimentId, spec, submittedBy);
    }
}
