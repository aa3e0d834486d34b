package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Materializes a preset as an ordinary Hugging Face checkpoint directory (random weights from the seed, Mnemo's
 * byte tokenizer), so every later step treats presets and downloaded models alike.
 */
public final class Presets {

    private Presets() {}

    /**
     * The preset's directory at {@code target}, written on first use. It is written into a private sibling and
     * moved into place atomically, so processes racing on the same preset (a fleet of trainers and evaluators)
     * end up with one complete copy: the loser drops its own and uses the winner's.
     *
     * @throws IllegalArgumentException for an unknown preset
     * @throws IllegalStateException when the directory exists but is incomplete
     */
    public static synchronized Path materialize(String preset, long seed, Path target, NDManager parent) {
        ModelPresets.named(preset);
        if (HfCheckpoint.missingPart(target) == null) {
            return target;
        }
        Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            write(preset, seed, staging, parent);
            moveIntoPlace(staging, target);
        } finally {
            deleteQuietly(staging);
        }
        String missing = HfCheckpoint.missingPart(target);
        if (missing != null) {
            throw new IllegalStateException("preset directory " + target + " is incomplete (no " + missing
                    + "); delete it so the preset is written again");
        }
        return target;
    }

    /** Moves a complete staging copy to {@code target}, unless another process's copy got there first. */
    static void moveIntoPlace(Path staging, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Linux reports a lost race as ENOTEMPTY, which Java throws as a plain FileSystemException rather than
            // DirectoryNotEmptyException: judge by the target, not by the exception.
            if (HfCheckpoint.missingPart(target) != null) {
                throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
            }
        }
    }

    public static void write(String preset, long seed, Path dir, NDManager parent) {
        LlamaConfig config = ModelPresets.named(preset);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ByteTokenizerDefinition.write(dir.resolve(TextTokenizer.FILE));
        try (Llama model = Llama.initialize(config, seed, parent.newSubManager());
                TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            HfCheckpoint.save(model, tokenizer, dir, TensorDtype.F32);
        }
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
