package ai.mnemo.eval.messaging;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An EvalJob whose payload does not decode still names its run (a ProbeJob its probe): answering it with
 * {@link EvalFailed} lets the conductor end the run (or the runs waiting for the probe) with a reason instead of
 * waiting forever. Anything that is not recognisably an EvalJob of some run or a ProbeJob of some probe gets no
 * answer.
 */
final class UnreadableJob {

    private UnreadableJob() {
    }

    static Optional<EvalEvent> failure(String payload, EventDecodingException error) {
        JsonNode tree;
        try {
            tree = EventCodec.json().readTree(payload);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (tree == null) {
            return Optional.empty();
        }
        String experimentId = tree.path("experimentId").asText("");
        if ("ProbeJob".equals(tree.path("type").asText())) {
            String probeId = tree.path("probeId").asText("");
            return experimentId.isBlank() || probeId.isBlank() ? Optional.empty()
                    : Optional.of(EvalFailed.ofProbe(experimentId, probeId, "the ProbeJob could not be read: "
                            + error.getMessage()));
        }
        if (!"EvalJob".equals(tree.path("type").asText())) {
            return Optional.empty();
        }
        String runId = tree.path("runId").asText("");
        JsonNode stage = tree.path("stageIndex");
        if (experimentId.isBlank() || runId.isBlank() || !stage.canConvertToInt() || !stage.isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(EvalFailed.ofRun(experimentId, runId, stage.asInt(),
                "the EvalJob could not be read: " + error.getMessage()));
    }
}
