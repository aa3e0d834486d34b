package ai.mnemo.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepared datasets on disk: JSON Lines, UTF-8, one {@link PreparedRow} per line with its fields in a fixed
 * order, so the same rows always give the same bytes (and the same content hash).
 */
public final class PreparedRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreparedRows() {}

    public static void write(Path file, List<PreparedRow> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (PreparedRow row : rows) {
                    out.write(line(row));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write prepared rows to " + file, e);
        }
    }

    public static List<PreparedRow> read(Path file) {
        List<PreparedRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(JSON.readValue(line, PreparedRow.class));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a prepared row: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prepared rows from " + file, e);
        }
        return rows;
    }

    /** The facts of a prepared dataset, in file order (what evaluation scores). */
    public static List<PreparedRow> facts(Path file) {
        return read(file).stream().filter(PreparedRow::isFact).toList();
    }

    static String line(PreparedRow row) throws JsonProcessingException {
        return JSON.writeValueAsString(row);
    }
}
