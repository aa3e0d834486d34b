package ai.mnemo.events.spec;

/**
 * One problem with a spec, naming the field by its path ({@code stages[1].dataset.size}; empty for the document as
 * a whole), so a rejection can point the user at the line to fix.
 */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
