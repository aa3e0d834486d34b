package ai.mnemo.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Prepared datasets on disk: JSON Lines, UTF-8, one {@link PreparedRow} per line with its fields in a fixed
 * order, so the same rows always give the same bytes (and the same content hash).
 */
public final class PreparedRows {

    private PreparedRows() {}

    public static void write(Path file, List<PreparedRow> rows) {
        JsonLines.write(file, rows);
    }

    public static List<PreparedRow> read(Path file) {
        return JsonLines.read(file, PreparedRow.class);
    }

    /** The facts of a prepared dataset, in file order (what evaluation scores). */
    public static List<PreparedRow> facts(Path file) {
        return read(file).stream().filter(PreparedRow::isFact).toList();
    }
}
