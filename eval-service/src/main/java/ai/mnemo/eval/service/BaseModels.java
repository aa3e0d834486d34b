package ai.mnemo.eval.service;

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
 * The Hugging Face directory of a probe's base model. A preset is materialized once per (preset, seed) under
 * {@code models/} of the artifact store, the same directory trainers use: written into a private sibling and moved
 * into place atomically, so an evaluator and a trainer racing on it end up with one complete copy.
 */
final class BaseModels {

    private static final long DEFAULT_SEED = 0L;

    private BaseModels() {
    }

    /** @throws InvalidProbeJobException naming {@code model} and what is wrong with it */
    static Path resolve(ModelRef model, ArtifactStore store) {
        if (model.preset() != null) {
            return preset(model.preset(), model.seed() == null ? DEFAULT_SEED : model.seed(), store);
        }
        Path dir;
        try {
            dir = store.path(model.uri());
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeJobException("model.uri: " + e.getMessage(), e);
        }
        String missing = missingPart(dir);
        if (missing != null) {
            throw new InvalidProbeJobException("model.uri: " + dir + " is not a Hugging Face checkpoint directory:"
                    + " it has no " + missing);
        }
        return dir;
    }

    private static synchronized Path preset(String preset, long seed, ArtifactStore store) {
        try {
            ModelPresets.named(preset);
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeJobException("model.preset: " + e.getMessage(), e);
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
            // another instance won the race with a complete copy
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize preset " + preset + " into " + target, e);
        } finally {
            deleteQuietly(staging);
        }
        String missing = missingPart(target);
        if (missing != null) {
            throw new InvalidProbeJobException("model.preset: " + target + " is incomplete (no " + missing
                    + "); delete it so the preset is written again");
        }
        return target;
    }

    private static String missingPart(Path dir) {
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
