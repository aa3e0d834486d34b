package ai.mnemo.results.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer: what went wrong, and for an invalid spec each offending field.
 *
 * @param violations present only for an invalid spec
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, List<FieldViolation> violations) {

    public static ErrorResponse of(String error) {
        return new ErrorResponse(error, null);
    }

    /** One problem of a spec: the field by its path ({@code stages[0].dataset.size}; empty for the document). */
    public record FieldViolation(String field, String message) {
    }
}
