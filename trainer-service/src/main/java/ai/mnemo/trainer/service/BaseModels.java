package ai.mnemo.trainer.service;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.checkpoint.WeightFiles;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finds the Hugging Face directory a job starts from. A preset is materialized once per (preset, seed) under
 * {@code models/}: written into a private sibling directory and moved into place atomically, so a fleet racing
 * on the same preset ends up with one complete copy (the loser deletes its own and uses the winner's).
 */
public final class BaseModels {

    private static final long DEFAULT_SEED = 0L; // the spec's default model.seed

    private final ArtifactStore store;

    public BaseModels(ArtifactStore store) {
        this.store = store;
    }

    /**
     * @throws JobFailure when the reference names an unknown preset, or a URI that is outside the artifact root
     *     or not a Hugging Face checkpoint directory
     */
    public Path resolve(ModelRef model) {
        if (model.preset() != null) {
            return preset(model.preset(), model.seed() == null ? DEFAULT_SEED : model.seed());
        }
        Path dir;
        try {
            dir = store.path(model.uri());
        } catch (IllegalArgumentException e) {
            throw new JobFailure("model uri " + model.uri() + " cannot be used: " + e.getMessage(), e);
        }
        String missing = missingPart(dir);
        if (missing != null) {
            throw new JobFailure("model uri " + model.uri() + " is not a Hugging Face checkpoint directory: " + dir
                    + " has no " + missing);
        }
        return dir;
    }

    /** The preset's directory, written on first use. */
    public synchronized Path preset(String preset, long seed) {
        try {
            ModelPresets.named(preset);
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), e);
        }
        Path target = store.preset(preset, seed);
        if (missingPart(target) == null) {
            return target;
        }
        Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try (NDManager manager = TorchRuntime.newManager()) {
            Presets.write(preset, seed, staging, manager);
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another instance won the race: its copy is complete, because it was moved in whole.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize preset " + preset + " into " + target, e);
        } finally {
            deleteQuietly(staging);
        }
        String missing = missingPart(target);
        if (missing != null) {
            throw new JobFailure("preset directory " + target + " is incomplete (no " + missing
                    + "); delete it so the preset is written again");
        }
        return target;
    }

    /** The first file a loadable checkpoint directory lacks, or null when it has them all. */
    static String missingPart(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "directory (it does not exist)";
        }
        if (!Files.isRegularFile(dir.resolve(HfCheckpoint.CONFIG))) {
            return HfCheckpoint.CONFIG;
        }
        if (!Files.isRegularFile(dir.resolve(TextTokenizer.FILE))) {
            return TextTokenizer.FILE;
        }
        return WeightFiles.present(dir) ? null : WeightFiles.SINGLE;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover staging directory is harmless: its name is unique
        }
    }
}
