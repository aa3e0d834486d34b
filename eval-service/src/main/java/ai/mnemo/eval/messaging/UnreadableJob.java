package ai.mnemo.eval.messaging;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An EvalJob whose payload does not decode still names its run: answering it with {@link EvalFailed} lets the
 * conductor end the run with a reason instead of waiting forever. Anything that is not recognisably an EvalJob of
 * some run gets no answer.
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
        if (tree == null || !"EvalJob".equals(tree.path("type").asText())) {
            return Optional.empty();
        }
        String experimentId = tree.path("experimentId").asText("");
        String runId = tree.path("runId").asText("");
        JsonNode stage = tree.path("stageIndex");
        if (experimentId.isBlank() || runId.isBlank() || !stage.canConvertToInt() || !stage.isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(EvalFailed.ofRun(experimentId, runId, stage.asInt(),
                "the EvalJob could not be read: " + error.getMessage()));
    }
}
