package ai.mnemo.cli.results;

import ai.mnemo.results.api.ErrorResponse;
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

    static SubmissionRefusedException of(int status, ErrorResponse body) {
        List<String> violations = new ArrayList<>();
        for (ErrorResponse.FieldViolation v : body.violations() == null ? List.<ErrorResponse.FieldViolation>of()
                : body.violations()) {
            String field = v.field() == null ? "" : v.field();
            violations.add(field.isEmpty() ? v.message() : field + ": " + v.message());
        }
        return new SubmissionRefusedException(status, body.error(), violations);
    }

    public int status() {
        return status;
    }

    public List<String> violations() {
        return violations;
    }
}
