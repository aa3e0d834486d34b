package ai.mnemo.cli.models;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts a checked checkpoint directory under the model root as {@code <root>/<name>}: its top-level files are copied
 * (or hard-linked) into a hidden staging directory beside the target, which is then renamed into place, so readers
 * (a trainer resolving {@code model.uri}) see no model or a complete one, never half of one.
 */
public final class ModelRootImport {

    /** Weight formats Mnemo does not read: copying them would double the size for nothing. */
    private static final Set<String> OTHER_WEIGHTS = Set.of(".bin", ".pth", ".pt", ".h5", ".msgpack", ".ckpt",
            ".gguf", ".onnx");

    private final Path root;

    public ModelRootImport(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** What was imported, and what was left out (subdirectories, other weight formats). */
    public record Imported(Path target, List<String> files, List<String> skipped) {}

    /** @throws ImportRefused when the name exists (without {@code replace}) or the files cannot be placed */
    public Imported install(Path source, String name, boolean replace, boolean link) {
        Path target = root.resolve(ModelName.check(name));
        refuseExisting(target, replace);
        Path dir = source.toAbsolutePath().normalize();
        if (dir.equals(target)) {
            throw new ImportRefused(source + " is already " + name + " in the model root");
        }
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Path staging = root.resolve("." + name + ".importing-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.sorted().toList()) {
                    String file = entry.getFileName().toString();
                    if (Files.isDirectory(entry)) {
                        skipped.add(file + "/");
                    } else if (OTHER_WEIGHTS.stream().anyMatch(file.toLowerCase(Locale.ROOT)::endsWith)) {
                        skipped.add(file);
                    } else {
                        place(entry, staging.resolve(file), link);
                        files.add(file);
                    }
                }
            }
            moveIntoPlace(staging, target, replace);
            return new Imported(target, files, skipped);
        } catch (IOException e) {
            throw new ImportRefused("cannot import into " + target + ": " + WeightHeaders.message(e)
                    + (link ? " (--link needs the source on the model root's file system)" : ""));
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void refuseExisting(Path target, boolean replace) {
        if (Files.exists(target) && !replace) {
            throw new ImportRefused(target + " exists already: name the model differently, or pass --replace");
        }
    }

    private static void place(Path source, Path destination, boolean link) throws IOException {
        if (link) {
            // The real file: a Hugging Face cache snapshot holds symbolic links into its blobs.
            Files.createLink(destination, source.toRealPath());
        } else {
            Files.copy(source, destination);
        }
    }

    /** Rename is atomic within one file system; a replaced model is renamed aside first, then deleted. */
    private void moveIntoPlace(Path staging, Path target, boolean replace) throws IOException {
        Path previous = null;
        if (replace && Files.exists(target)) {
            previous = root.resolve("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raceLost) {
            throw new ImportRefused(target + " appeared while importing (another import?); nothing was changed");
        }
        if (previous != null) {
            deleteQuietly(previous);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden directory is harmless and named after the import
        }
    }
}
