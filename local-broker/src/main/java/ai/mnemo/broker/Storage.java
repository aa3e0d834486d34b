package ai.mnemo.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;

/**
 * The broker's storage: a KRaft log directory must be formatted with a cluster id before the first start. The id is
 * generated once and kept in {@code <dir>/cluster.id}, so that later starts reuse the same storage and its topics.
 * Formatting runs in this JVM through Kafka's own {@link StorageTool}, which is idempotent with
 * {@code --ignore-formatted}.
 */
final class Storage {

    static final String CLUSTER_ID_FILE = "cluster.id";

    private Storage() {
    }

    /** Reads the cluster id kept in the dir, or generates and keeps a new one. */
    static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(dir);
        Files.writeString(file, id + "\n");
        return id;
    }

    /** Formats the log dirs named in the config file unless they are formatted already. */
    static void format(Path serverProperties, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            String[] args = {"format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"};
            code = StorageTool.execute(args, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting the storage failed: " + e.getMessage()
                    + "\n" + out.toString(StandardCharsets.UTF_8), e);
        }
        if (code != 0) {
            throw new IllegalStateException("formatting the storage failed (exit " + code + "):\n"
                    + out.toString(StandardCharsets.UTF_8));
        }
    }
}
