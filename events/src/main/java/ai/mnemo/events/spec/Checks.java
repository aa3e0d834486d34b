package ai.mnemo.events.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while the validator walks a spec. Each check ignores an absent value (the doc's default
 * applies) unless it is {@link #required}; comparisons are written so that NaN fails them.
 */
final class Checks {

    private final List<Violation> violations = new ArrayList<>();
    private final SpecLimits limits;

    Checks(SpecLimits limits) {
        this.limits = limits;
    }

    SpecLimits limits() {
        return limits;
    }

    void fail(String field, String message) {
        violations.add(new Violation(field, message));
    }

    /** Reports an absent value; returns whether it is present, so callers can go on checking inside it. */
    boolean required(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
        }
        return value != null;
    }

    void oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(field, "must be one of " + String.join(", ", allowed) + " (was " + PrintableText.shown(value) + ")");
        }
    }

    void between(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            fail(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    /** A value bounded by an operator's limit, named so the message says which setting to change. */
    void upTo(String field, Number value, long min, double max, String limit) {
        if (value == null) {
            return;
        }
        if (!(value.doubleValue() >= min)) {
            fail(field, "must be at least " + min + " (was " + shown(value.doubleValue()) + ")");
        } else if (!(value.doubleValue() <= max)) {
            fail(field, "must be at most " + shown(max) + " (was " + shown(value.doubleValue())
                    + "; the operator's limit mnemo.limits." + limit + ")");
        }
    }

    /** A positive number up to an operator's limit. */
    void positiveUpTo(String field, Double value, double max, String limit) {
        if (value != null && !(value > 0)) {
            fail(field, "must be greater than 0 (was " + value + ")");
        } else if (value != null && !(value <= max)) {
            fail(field, "must be at most " + shown(max) + " (was " + value + "; the operator's limit mnemo.limits."
                    + limit + ")");
        }
    }

    /**
     * Free text (a name, a path): printable characters only, so it cannot hide control or terminal escape
     * characters, and short enough for the column it is stored in. Returns whether it passed.
     */
    boolean text(String field, String value, int maxLength) {
        if (value == null) {
            return true;
        }
        int before = violations.size();
        if (value.isBlank()) {
            fail(field, "must not be blank");
        } else if (value.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters (was " + value.length() + ")");
        }
        PrintableText.firstUnprintable(value).ifPresent(at -> fail(field, "must contain printable characters only"
                + " (character " + at + " is " + PrintableText.codePointName(value.codePointAt(at)) + ")"));
        return violations.size() == before;
    }

    private static String shown(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    void atLeast(String field, Integer value, int min) {
        if (value != null && value < min) {
            fail(field, "must be at least " + min + " (was " + value + ")");
        }
    }

    void positive(String field, Double value) {
        if (value != null && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
            fail(field, "must be greater than 0 (was " + value + ")");
        }
    }

    void nonNegative(String field, Double value) {
        if (value != null && !(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            fail(field, "must be at least 0 (was " + value + ")");
        }
    }

    /** A value in [0, 1], or in (0, 1] when zero makes no sense. */
    void fraction(String field, Double value, boolean zeroAllowed) {
        if (value == null) {
            return;
        }
        if (zeroAllowed && !(value >= 0 && value <= 1)) {
            fail(field, "must be between 0 and 1 (was " + value + ")");
        } else if (!zeroAllowed && !(value > 0 && value <= 1)) {
            fail(field, "must be greater than 0 and at most 1 (was " + value + ")");
        }
    }

    /** A list's length; returns whether the list is present, so callers can check its entries. */
    boolean size(String field, List<?> values, int min, int max) {
        if (values != null && (values.size() < min || values.size() > max)) {
            fail(field, "must have between " + min + " and " + max + " entries (was " + values.size() + ")");
        }
        return values != null;
    }

    /** A list that may be left out but not given empty; returns whether there are entries to check. */
    boolean notEmpty(String field, List<?> values) {
        if (values != null && values.isEmpty()) {
            fail(field, "must not be empty");
        }
        return values != null && !values.isEmpty();
    }

    /** Reports each entry equal to an earlier one, at the later entry's index. */
    void distinct(String field, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            int first = values.indexOf(values.get(i));
            if (values.get(i) != null && first < i) {
                fail(field + "[" + i + "]", "repeats " + field + "[" + first + "] (" + values.get(i) + ")");
            }
        }
    }

    /** A path that must stay inside a root directory: relative, without {@code ..}. */
    void underRoot(String field, String path, String root) {
        if (path == null || !text(field, path, SpecLimits.PATH_LENGTH)) {
            return;
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            fail(field, "must be a path relative to the " + root + " (was " + path + ")");
        } else if (List.of(path.split("[/\\\\]")).contains("..")) {
            fail(field, "must stay inside the " + root + " (was " + path + ")");
        }
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }
}
