package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * A request was malformed or invalid and nothing was planned.
 *
 * @param experimentId absent only when the payload was unreadable (the record key is then null)
 * @param field the offending spec field, e.g. {@code stages[1].dataset.size}, when there is one
 */
public record ExperimentRejected(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String reason,
        String field) implements ExperimentEvent {

    public ExperimentRejected {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.present(reason, "reason");
    }

    public static ExperimentRejected of(String experimentId, String reason, String field) {
        return new ExperimentRejected(Envelope.newEventId(), Envelope.now(), experimentId, reason, field);
    }
}
