package ai.mnemo.datasets.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Opens a local dataset export by its file name: {@code .jsonl}, {@code .ndjson} or {@code .json} (JSON Lines or a
 * JSON array) and {@code .parquet}. Before any row is used, the columns an importer needs must be in the file (the
 * Parquet schema, or the first JSON row): a missing one is named, with the file and the columns it does have.
 */
public final class SourceTables {

    private SourceTables() {
    }

    /**
     * @param shownAs how messages name the file (its path under the data root)
     * @param dataset the importer's name, for messages
     * @param required the top-level columns the importer reads
     * @param limit read at most this many rows; 0 reads them all
     */
    public static void read(Path file, String shownAs, String dataset, List<String> required, int limit,
            RowVisitor visitor) {
        if (!Files.exists(file)) {
            throw new SourceException(shownAs + ": no such file (looked for " + file.toAbsolutePath() + "); put the "
                    + dataset + " export there or fix the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new SourceException(shownAs + " is not a file; give one .jsonl or .parquet export (for a sharded"
                    + " export, concatenate the shards first)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            requireColumns(shownAs, dataset, required, ParquetRows.columns(file, shownAs));
            ParquetRows.read(file, shownAs, required, limit, visitor);
        } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            boolean[] first = {true};
            JsonRows.read(file, shownAs, limit, row -> {
                if (first[0]) {
                    first[0] = false;
                    requireColumns(shownAs, dataset, required, names(row));
                }
                return visitor.visit(row);
            });
            if (first[0]) {
                throw new SourceException(shownAs + " has no rows; give a non-empty " + dataset + " export");
            }
        } else {
            throw new SourceException(shownAs + " has an unsupported file type; give a .jsonl, .ndjson, .json or"
                    + " .parquet export");
        }
    }

    static void requireColumns(String shownAs, String dataset, List<String> required, List<String> present) {
        for (String column : required) {
            if (!present.contains(column)) {
                throw new SourceException(shownAs + ": column '" + column + "' is missing; " + dataset + " reads "
                        + String.join(", ", required) + " (the file has: " + String.join(", ", present)
                        + "); export the dataset with its original columns, or name the dataset this file holds");
            }
        }
    }

    private static List<String> names(SourceRow row) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = row.json().fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
