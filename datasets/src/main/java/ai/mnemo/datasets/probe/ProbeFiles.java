package ai.mnemo.datasets.probe;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.JsonLines;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a known-fact probe, the contract between data-service and eval-service (JSON Lines, UTF-8):
 * {@code candidates.jsonl}, one {@link Fact} per line in pool order (the first {@code fewShot} are the prompt's
 * demonstrations), and {@code result.jsonl}, one {@link ProbeResult} per probed candidate in the same order. Writes go
 * to a temporary file that is then moved into place, so a reader never sees half a file.
 */
public final class ProbeFiles {

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
        JsonLines.write(file, values);
    }

    private static <T> List<T> read(Path file, Class<T> type) {
        return JsonLines.read(file, type);
    }
}
