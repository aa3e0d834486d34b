package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.source.SourceRow;
import java.util.List;

/** The first entry of a list column, which several exports use for the gold answer. */
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
}
