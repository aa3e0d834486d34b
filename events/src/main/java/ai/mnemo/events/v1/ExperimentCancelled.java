package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * Someone asked to stop the experiment. Every service stops its work for it and publishes nothing more for it; its
 * unfinished runs end cancelled without a run event of their own (this one event says so for all of them).
 *
 * @param cancelledBy the identity that asked, when known
 */
public record ExperimentCancelled(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String cancelledBy) implements ExperimentEvent {

    public ExperimentCancelled {
        Require.envelope(eventId, occurredAt, experimentId);
    }

    public static ExperimentCancelled of(String experimentId, String cancelledBy) {
        return new ExperimentCancelled(Envelope.newEventId(), Envelope.now(), experimentId, cancelledBy);
    }
}
