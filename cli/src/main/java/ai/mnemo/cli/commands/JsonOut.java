package ai.mnemo.cli.commands;

import ai.mnemo.results.api.ResultsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;

/** {@code --json}: what a read command read, as indented JSON on stdout, for scripts (jq and the like). */
final class JsonOut {

    private JsonOut() {}

    static void print(Object value, PrintStream out) {
        try {
            out.println(ResultsJson.tolerant().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
