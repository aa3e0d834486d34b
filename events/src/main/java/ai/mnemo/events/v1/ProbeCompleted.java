package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * The known-fact filter's verdict: of {@code candidates} facts the base model knew {@code known}; the
 * {@code unknown} ones, listed at {@code resultUri}, are usable for training.
 */
public record ProbeCompleted(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String probeId,
        int candidates,
        int known,
        int unknown,
        String resultUri) implements EvalEvent {

    public ProbeCompleted {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(probeId, "probeId");
        Require.present(resultUri, "resultUri");
    }

    public static ProbeCompleted of(String experimentId, String probeId, int candidates, int known, int unknown,
            String resultUri) {
        return new ProbeCompleted(Envelope.newEventId(), Envelope.now(), experimentId, probeId, candidates, known,
                unknown, resultUri);
    }
}
