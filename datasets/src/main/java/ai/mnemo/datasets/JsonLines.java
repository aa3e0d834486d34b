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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines files services hand each other (prepared rows, probe files, predictions): UTF-8, one record per
 * line, fields in the record's order so the same values always give the same bytes. Writes go to a temporary
 * sibling that is moved into place, so a reader never sees half a file and a rewrite replaces it whole.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    public static void write(Path file, List<?> values) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Object value : values) {
                    out.write(JSON.writeValueAsString(value));
                    out.write('\n');
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Every record of the file; a line that is not a {@code type} is named by its number. */
    public static <T> List<T> read(Path file, Class<T> type) {
        List<T> values = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    values.add(JSON.readValue(line, type));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a "
                            + words(type.getSimpleName()) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }

    /** {@code PreparedRow} -> {@code prepared row}, for messages people read. */
    static String words(String camelCase) {
        return camelCase.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
