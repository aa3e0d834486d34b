package ai.mnemo.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** results-service refused a submission (4xx): its reason, and each field it names, ready to print. */
public final class SubmissionRefusedException extends RuntimeException {

    private final int status;
    private final List<String> violations;

    private SubmissionRefusedException(int status, String reason, List<String> violations) {
        super(reason);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    static SubmissionRefusedException of(int status, JsonNode body) {
        List<String> violations = new ArrayList<>();
        for (JsonNode v : body.path("violations")) {
            String field = v.path("field").asText("");
            violations.add(field.isEmpty() ? v.path("message").asText() : field + ": " + v.path("message").asText());
        }
        return new SubmissionRefusedException(status, body.path("error").asText("HTTP " + status), violations);
    }

    public int status() {
        return status;
    }

    public List<String> violations() {
        return violations;
    }
}
