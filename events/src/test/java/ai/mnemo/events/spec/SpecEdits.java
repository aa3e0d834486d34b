package ai.mnemo.events.spec;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds variants of a valid spec by edits such as {@code stages[1].dataset.size=0} (the value is JSON), so each
 * validation case shows only what it changes.
 */
final class SpecEdits {

    private static final Pattern SEGMENT = Pattern.compile("\\.?([A-Za-z]+)|\\[(\\d+)]");

    private SpecEdits() {
    }

    static String resource(String name) {
        try (InputStream in = SpecEdits.class.getResourceAsStream("/specs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource specs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quickstart of docs/experiment-spec.md with the edits applied in order. */
    static ExperimentSpec quickstartWith(List<String> edits) {
        try {
            JsonNode tree = EventCodec.yaml().readTree(resource("quickstart.yaml"));
            for (String edit : edits) {
                int eq = edit.indexOf('=');
                set(tree, edit.substring(0, eq), EventCodec.json().readTree(edit.substring(eq + 1)));
            }
            return EventCodec.json().treeToValue(tree, ExperimentSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException("bad edit in " + edits, e);
        }
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        JsonNode node = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            JsonNode child = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
            if (child == null || child.isNull()) {
                child = ((ObjectNode) node).putObject((String) segment);
            }
            node = child;
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) node).set(index, value);
        } else {
            ((ObjectNode) node).set((String) last, value);
        }
    }
}
