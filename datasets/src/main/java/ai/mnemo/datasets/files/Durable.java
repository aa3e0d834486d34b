package ai.mnemo.datasets.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * fsync for files and directories: a rename is only as durable as the data it points to and the directory entry
 * that records it, so both are forced to disk before and after (a power cut must not leave a renamed but empty
 * checkpoint or state file).
 */
public final class Durable {

    private Durable() {}

    /** Writes {@code bytes} aside, forces them, renames them over {@code file} and forces the directory. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path staging = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(staging, bytes);
            force(staging, StandardOpenOption.WRITE);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Forces every file under {@code dir}, then every directory (deepest first). */
    public static void forceTree(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                force(path, StandardOpenOption.WRITE);
            }
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                forceDirectory(path);
            }
        }
    }

    /** Forces a directory's entries (a rename into or out of it). Opening a directory for reading works on Linux. */
    public static void forceDirectory(Path dir) throws IOException {
        force(dir, StandardOpenOption.READ);
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }
}
