package ai.mnemo.datasets.probe;

import ai.mnemo.datasets.Fact;
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
 * The files of a known-fact probe, the contract between data-service and eval-service (JSON Lines, UTF-8):
 * {@code candidates.jsonl}, one {@link Fact} per line in pool order (the first {@code fewShot} are the prompt's
 * demonstrations), and {@code result.jsonl}, one {@link ProbeResult} per probed candidate in the same order. Writes go
 * to a temporary file that is then moved into place, so a reader never sees half a file.
 */
public final class ProbeFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeFiles() {
    }

    public static void writeCandidates(Path file, List<Fact> facts) {
        write(file, facts);
    }

    public static List<Fact> readCandidates(Path file) {
        return read(file, Fact.class);
    }

    public static void writeResults(Path file, List<ProbeResult> results) {
        write(file, results);
    }

    public static List<ProbeResult> readResults(Path file) {
        return read(file, ProbeResult.class);
    }

    private static void write(Path file, List<?> values) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Object value : values) {
                    out.write(JSON.writeValueAsString(value));
                    out.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <T> List<T> read(Path file, Class<T> type) {
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
                    throw new IllegalArgumentException(file + " line " + number + " is not a " + type.getSimpleName()
                            + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }
}
