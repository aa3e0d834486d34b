package ai.mnemo.datasets.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One row of a dataset export, as JSON (a JSON Lines object, or a Parquet row turned into JSON by
 * {@link ParquetRows}), with the typed reads importers need. Every failed read names the file, the row and the
 * column, so a bad export is reported as such and never turned into a half-empty dataset.
 *
 * @param file how the file is shown in messages (its path relative to the data root)
 * @param index 0-based row number in the file
 */
public record SourceRow(String file, int index, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A required, non-blank string column (numbers are read as their decimal text). */
    public String text(String column) {
        return text(json.get(column), column);
    }

    /** A required, non-blank string field of a struct column, e.g. TriviaQA's {@code answer.value}. */
    public String text(String column, String field) {
        JsonNode struct = json.get(column);
        if (struct == null || !struct.isObject()) {
            throw problem(column, "is not a struct with a field '" + field + "'");
        }
        return text(struct.get(field), column + "." + field);
    }

    /** A string column that may be absent, null or blank: then {@code ""}. */
    public String optionalText(String column) {
        JsonNode node = json.get(column);
        return node == null || node.isNull() ? "" : node.asText();
    }

    /**
     * A list of strings: a JSON array, or a string that holds one (PopQA's {@code possible_answers} is exported as
     * the text {@code ["a", "b"]}).
     */
    public List<String> list(String column) {
        return list(json.get(column), column);
    }

    /** A list of strings in a field of a struct column, e.g. TriviaQA's {@code answer.aliases}. */
    public List<String> list(String column, String field) {
        return list(field(column, field), column + "." + field);
    }

    public boolean has(String column) {
        JsonNode node = json.get(column);
        return node != null && !node.isNull();
    }

    /** Whether the struct column has the field, not null. */
    public boolean has(String column, String field) {
        JsonNode node = field(column, field);
        return node != null && !node.isNull();
    }

    private JsonNode field(String column, String field) {
        JsonNode struct = json.get(column);
        return struct == null || !struct.isObject() ? null : struct.get(field);
    }

    private List<String> list(JsonNode node, String column) {
        if (node != null && node.isTextual()) {
            try {
                node = JSON.readTree(node.asText());
            } catch (Exception e) {
                throw problem(column, "holds text that is not a JSON list: " + abbreviate(node.asText()));
            }
        }
        if (node == null || !node.isArray()) {
            throw problem(column, "is not a list of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isNull()) {
                values.add(element.asText());
            }
        }
        return values;
    }

    private String text(JsonNode node, String column) {
        if (node == null || node.isNull()) {
            throw problem(column, "is missing or null");
        }
        if (!node.isValueNode()) {
            throw problem(column, "is not a string");
        }
        String value = node.asText();
        if (value.isBlank()) {
            throw problem(column, "is empty");
        }
        return value;
    }

    /** An error about one value of this row. */
    public SourceException problem(String column, String what) {
        return new SourceException(file + " row " + (index + 1) + ": column '" + column + "' " + what
                + "; fix the export or choose the dataset whose schema it has (see docs/datasets.md)");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
