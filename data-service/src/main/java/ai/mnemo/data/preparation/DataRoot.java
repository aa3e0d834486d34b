package ai.mnemo.data.preparation;

import ai.mnemo.datasets.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory that holds local dataset exports. A spec names files relative to it, and nothing outside it is
 * opened: not an absolute path, not a {@code ..} that climbs out ({@code ../../etc/passwd}), not a symbolic link
 * inside it that points elsewhere. The spec validator already refuses the first two; this is the service's own
 * guard, which also sees the file system.
 */
public final class DataRoot {

    private final Path root;

    public DataRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The file a spec path names. It need not exist (the reader says so, naming it); when it does, its real location
     * must be inside the root too.
     *
     * @throws SourceException saying why the path is refused
     */
    public Path resolve(String relative) {
        if (relative == null || relative.isBlank()) {
            throw new SourceException("no path given: name the local export, relative to the data root " + root);
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new SourceException(relative + " is not relative to the data root " + root
                    + ": write the path under the data root (MNEMO_DATA)");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw outside(relative, resolved);
        }
        if (Files.exists(resolved)) {
            try {
                Path real = resolved.toRealPath();
                Path realRoot = root.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw outside(relative, real);
                }
            } catch (IOException e) {
                throw new SourceException(relative + " cannot be opened under the data root " + root + ": " + e);
            }
        }
        return resolved;
    }

    private SourceException outside(String relative, Path where) {
        return new SourceException(relative + " leads to " + where + ", outside the data root " + root
                + "; copy the export under the data root (or point MNEMO_DATA at the directory that holds it)");
    }
}
