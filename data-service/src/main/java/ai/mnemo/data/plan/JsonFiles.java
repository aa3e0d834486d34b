package ai.mnemo.data.plan;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * The JSON files data-service leaves in the artifact store (plans, manifests): the events' mapper, indented with
 * {@code \n} on every platform, so the same value always gives the same bytes. Every write goes to a temporary
 * file that is then moved into place, so a reader never sees half a file.
 */
public final class JsonFiles {

    private static final ObjectWriter WRITER = EventCodec.json().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private JsonFiles() {
    }

    public static byte[] bytes(Object value) {
        try {
            byte[] json = WRITER.writeValueAsBytes(value);
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static void write(Path file, Object value) {
        byte[] bytes = bytes(value);
        atomically(file, tmp -> {
            try {
                Files.write(tmp, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            return EventCodec.json().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from " + file, e);
        }
    }

    /** Lets {@code writer} fill a temporary file beside {@code file}, then moves it over {@code file} atomically. */
    public static void atomically(Path file, Consumer<Path> writer) {
        try {
            Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                writer.accept(tmp);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
