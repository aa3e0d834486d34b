package ai.mnemo.datasets.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on one lock file, between threads of this process and, by an OS file lock, between processes
 * that share the file system (where its locks work: local disks, most network file systems with locking on).
 * A file lock belongs to the whole JVM, so threads queue on an in-process lock per file first.
 */
public final class FileLocks {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {}

    /** An action on files that may fail. */
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Runs {@code action} while holding {@code lockFile}'s lock (created when missing). */
    public static <T> T locked(Path lockFile, IoSupplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            return run(action, key); // the file lock is held already, further up this thread's stack
        }
        local.lock();
        try {
            Files.createDirectories(key.getParent());
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot work under the lock " + key + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private static <T> T run(IoSupplier<T> action, Path key) {
        try {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot work under the lock " + key + ": " + e.getMessage(), e);
        }
    }
}
