package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * Every stage of the run trained and evaluated.
 *
 * @param stages how many stages the run went through
 */
public record RunCompleted(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stages) implements RunEvent {

    public RunCompleted {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(runId, "runId");
    }

    public static RunCompleted of(String experimentId, String runId, int stages) {
        return new RunCompleted(Envelope.newEventId(), Envelope.now(), experimentId, runId, stages);
    }
}
