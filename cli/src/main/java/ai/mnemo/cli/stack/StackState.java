package ai.mnemo.cli.stack;

import ai.mnemo.events.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What `mnemo up` started, saved as JSON so `status` and `down` find it again. */
public record StackState(Path dir, Ports ports, List<ManagedProcess> processes) {

    public static final String FILE = "stack.json";

    public String bootstrapServers() {
        return "127.0.0.1:" + ports.broker();
    }

    public String resultsUrl() {
        return "http://127.0.0.1:" + ports.results();
    }

    public void save() {
        try {
            Files.createDirectories(dir);
            EventCodec.json().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the stack state in " + dir, e);
        }
    }

    public static Optional<StackState> load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.json().readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(FILE), e);
        }
    }
}
