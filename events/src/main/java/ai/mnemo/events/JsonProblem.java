package ai.mnemo.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong while reading a document, in words for people: the field path ({@code stages[1].dataset.size},
 * empty for the document itself) and a short message. Shared by the event decoder and the spec parser so both
 * report problems the same way instead of leaking Jackson's class names.
 */
public record JsonProblem(String path, String message) {

    private static final Pattern REFUSED_STRING = Pattern.compile("Cannot coerce String value \\(\"(.*)\"\\) to");
    private static final Pattern MISSING_CREATOR_PROPERTY =
            Pattern.compile("Missing required creator property '([^']+)'");

    /** Translates a Jackson failure; never fails itself. */
    public static JsonProblem of(JsonProcessingException e) {
        if (e instanceof StreamReadException read) {
            return unreadable(read);
        }
        if (e.getCause() instanceof StreamReadException read) {
            return unreadable(read);
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new JsonProblem("", firstLine(e.getOriginalMessage()));
        }
        String path = path(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return new JsonProblem(path, "unknown field");
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return new JsonProblem(path, typeId.getTypeId() == null ? "missing 'type' property"
                    : "unknown type '" + typeId.getTypeId() + "'");
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof Double d && !Double.isFinite(d)) {
            return new JsonProblem(path, "expected a finite number (was " + d + ")");
        }
        if (e instanceof InvalidFormatException format) {
            return new JsonProblem(path, "expected " + expected(format.getTargetType()) + " (was "
                    + shown(format.getValue()) + ")");
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof MissingFieldException missing) {
            return new JsonProblem(join(path, missing.field()), "is required");
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new JsonProblem(path, "invalid value: " + e.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch, path);
        }
        return new JsonProblem(path, firstLine(e.getOriginalMessage()));
    }

    private static JsonProblem mismatched(MismatchedInputException e, String path) {
        String original = firstLine(e.getOriginalMessage());
        Matcher missing = MISSING_CREATOR_PROPERTY.matcher(original);
        if (missing.find()) {
            // Jackson usually puts the missing property on the path already; add it only when it did not.
            boolean named = path.equals(missing.group(1)) || path.endsWith("." + missing.group(1));
            return new JsonProblem(named ? path : join(path, missing.group(1)), "is required");
        }
        if (original.startsWith("No content to map")) {
            return new JsonProblem(path, "the document is empty");
        }
        Matcher quoted = REFUSED_STRING.matcher(original);
        if (e.getTargetType() != null && quoted.find()) {
            return new JsonProblem(path, "expected " + expected(e.getTargetType()) + " (was \"" + quoted.group(1)
                    + "\", a string)");
        }
        if (e.getTargetType() != null) {
            String was = original.startsWith("Cannot map `null`") ? " (was null)" : "";
            return new JsonProblem(path, "expected " + expected(e.getTargetType()) + was);
        }
        return new JsonProblem(path, original);
    }

    /** {@code stages[1].dataset.size} from Jackson's chain of references; empty at the root. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static JsonProblem unreadable(StreamReadException e) {
        String original = firstLine(e.getOriginalMessage());
        if (original.startsWith("Duplicate field") && e.getProcessor() != null) {
            return new JsonProblem(path(e.getProcessor().getParsingContext()), "is given twice");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new JsonProblem("", "malformed document" + where + ": " + original);
    }

    /** The parser's position as a path, for problems found before any value was bound. */
    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.push("[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                segments.push(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append(segment.startsWith("[") || path.length() == 0 ? "" : ".").append(segment);
        }
        return path.toString();
    }

    /** The kind of value a Java type accepts, as a user would say it. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant";
        }
        return "an object";
    }

    private static String shown(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
