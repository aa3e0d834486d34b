package ai.mnemo.events.v1;

import java.time.Instant;
import java.util.List;

/**
 * One cell of the grid: a method (with its mix ratio when it mixes) and a seed.
 *
 * @param mixRatio present for a method with mixing
 * @param label a short name for people, unique within the experiment
 * @param stages the dataset of each stage in order, e.g. {@code [kvr:A, kvr:B]}
 */
public record RunPlanned(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        String method,
        Double mixRatio,
        long seed,
        String label,
        List<String> stages) implements RunEvent {

    public RunPlanned {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.present(runId, "runId");
        Require.present(method, "method");
        Require.present(label, "label");
        stages = Require.list(stages, "stages");
    }

    public static RunPlanned of(String experimentId, String runId, String method, Double mixRatio, long seed,
            String label, List<String> stages) {
        return new RunPlanned(Envelope.newEventId(), Envelope.now(), experimentId, runId, method, mixRatio, seed,
                label, stages);
    }
}
