package ai.mnemo.events.v1;

import java.time.Instant;
import java.util.List;

/** data-service accepted the spec and expanded its grid into these runs (each announced by a RunPlanned). */
public record ExperimentPlanned(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String name,
        List<String> runIds) implements ExperimentEvent {

    public ExperimentPlanned {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(name, "name");
        runIds = Require.list(runIds, "runIds");
    }

    public static ExperimentPlanned of(String experimentId, String name, List<String> runIds) {
        return new ExperimentPlanned(Envelope.newEventId(), Envelope.now(), experimentId, name, runIds);
    }
}
