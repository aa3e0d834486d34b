package ai.mnemo.data.service;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.spec.PrintableText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What can still be read from a payload that does not decode: its {@code type} and {@code experimentId}, so a
 * rejection can name the experiment, and a broken event that is not a request is not answered as if it were one.
 */
record PayloadPeek(String type, String experimentId) {

    /** The other events of {@code mnemo.experiments.v1}, which data-service itself publishes. */
    private static final Set<String> OTHER_TYPES = Set.of("ExperimentPlanned", "ExperimentRejected");

    static PayloadPeek of(String payload) {
        try {
            JsonNode tree = EventCodec.json().readTree(payload == null ? "" : payload);
            if (tree == null || !tree.isObject()) {
                return new PayloadPeek(null, null);
            }
            return new PayloadPeek(text(tree.get("type")), text(tree.get("experimentId")));
        } catch (Exception unreadable) {
            return new PayloadPeek(null, null);
        }
    }

    /** A value that can be an id: printable, and no longer than any stored id; anything else is not repeated. */
    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() && node.asText().length() <= 255
                && PrintableText.isPrintable(node.asText()) ? node.asText() : null;
    }

    boolean isOtherExperimentEvent() {
        return type != null && OTHER_TYPES.contains(type);
    }
}
