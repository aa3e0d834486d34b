package ai.mnemo.lm.checkpoint;

import ai.mnemo.datasets.files.Durable;
import ai.mnemo.datasets.files.FileLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fencing token for one checkpoint directory: {@code <dir>.generation} holds the generation of its latest holder.
 * A writer claims a new generation when it takes the job and may publish (rename into place) only while the file
 * still says its generation, checked under {@code <dir>.lock} right before the rename. So a trainer that lost its job
 * to another (a rebalance while it still trained) can never replace the new holder's checkpoint.
 *
 * <p>The lock is an OS file lock: it holds between processes on one machine and on file systems with working
 * locks; the generation check alone still refuses every older writer that reaches the rename after a claim.
 */
public final class CheckpointFence {

    private static final String GENERATION = ".generation";
    private static final String LOCK = ".lock";

    private CheckpointFence() {}

    /** Claims the directory for a new holder and returns its generation (1 for the first). */
    public static long claim(Path dir) {
        return locked(dir, () -> {
            long next = current(dir) + 1;
            write(dir, next);
            return next;
        });
    }

    /** The generation of the latest holder, 0 when none claimed the directory. */
    public static long current(Path dir) {
        Path file = sibling(dir, GENERATION);
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the checkpoint fence " + file + ": " + e.getMessage()
                    + "; delete it to let the next trainer claim the checkpoint afresh", e);
        }
    }

    /**
     * Runs {@code publish} (the renames) while holding the lock, if {@code generation} is still the latest holder's.
     *
     * @throws CheckpointFencedException when a newer holder claimed the directory
     */
    static void publish(Path dir, long generation, IoAction publish) {
        locked(dir, () -> {
            long latest = current(dir);
            if (latest != generation) {
                throw new CheckpointFencedException("checkpoint " + dir + " belongs to generation " + latest
                        + " now; this writer (generation " + generation + ") lost the job and does not replace it");
            }
            publish.run();
            return null;
        });
    }

    /** An action on files that may fail. */
    interface IoAction {
        void run() throws IOException;
    }

    /** Runs {@code action} holding the directory's lock (in this process and, by file lock, between processes). */
    static <T> T locked(Path dir, FileLocks.IoSupplier<T> action) {
        try {
            return FileLocks.locked(sibling(dir, LOCK), action);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot update the checkpoint fence of " + dir, e.getCause());
        }
    }

    /** Written aside, forced, renamed: a crash leaves the old generation or the new one, never half a number. */
    private static void write(Path dir, long generation) throws IOException {
        Durable.write(sibling(dir, GENERATION), (generation + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }
}
