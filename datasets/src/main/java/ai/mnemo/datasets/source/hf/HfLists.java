package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.source.SourceRow;
import java.util.List;

/**
 * A list column of acceptable answers, which several exports use: the first entry is the gold answer, the others
 * are its aliases (used by the known-fact filter only).
 */
final class HfLists {

    private HfLists() {
    }

    static String first(SourceRow row, String column) {
        List<String> values = row.list(column);
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw row.problem(column, "is an empty list");
        }
        return values.get(0);
    }

    /** Every entry after the first; empty for a one-entry list. */
    static List<String> rest(SourceRow row, String column) {
        List<String> values = row.list(column);
        return values.isEmpty() ? List.of() : values.subList(1, values.size());
    }
}
