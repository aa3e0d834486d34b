package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.WeightLayout;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model directory in the Hugging Face layout: {@code config.json}, {@code model.safetensors} (or shards plus
 * {@code model.safetensors.index.json}) and {@code tokenizer.json}. What Mnemo saves, any HF tool can open.
 */
public final class HfCheckpoint {

    public static final String CONFIG = "config.json";
    /** Shards above this size are split, as Hugging Face does by default. */
    public static final long MAX_SHARD_BYTES = 5L << 30;

    private HfCheckpoint() {}

    /** A loaded model with its tokenizer; closing it frees both. */
    public record Loaded(Llama model, TextTokenizer tokenizer) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
            tokenizer.close();
        }
    }

    public static LlamaConfig config(Path dir) {
        return LlamaConfig.read(dir.resolve(CONFIG));
    }

    /** Loads the model onto a new manager under {@code parent}, in FP32. */
    public static Loaded load(Path dir, NDManager parent) {
        return load(dir, parent, DataType.FLOAT32);
    }

    /** Loads the model onto a new manager under {@code parent}, its weights converted to {@code dtype}. */
    public static Loaded load(Path dir, NDManager parent, DataType dtype) {
        requireFile(dir, CONFIG);
        requireFile(dir, TextTokenizer.FILE);
        LlamaConfig config = config(dir);
        NDManager manager = parent.newSubManager();
        try {
            Map<String, NDArray> weights = WeightFiles.read(dir, manager);
            return new Loaded(Llama.fromWeights(config, weights, manager, dtype), TextTokenizer.load(dir));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Writes config, weights and tokenizer into {@code dir} (created if missing). */
    public static void save(Llama model, TextTokenizer tokenizer, Path dir, TensorDtype dtype) {
        save(model.config(), model.parameters(), tokenizer, dir, dtype);
    }

    /**
     * Writes config, the given weights (fused names, e.g. the FP32 master copy of a mixed-precision model) and
     * tokenizer into {@code dir} (created if missing).
     */
    public static void save(LlamaConfig config, Map<String, NDArray> fusedWeights, TextTokenizer tokenizer, Path dir,
            TensorDtype dtype) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint directory " + dir, e);
        }
        config.write(dir.resolve(CONFIG));
        Map<String, NDArray> weights = WeightLayout.unfuse(config, fusedWeights);
        try {
            WeightFiles.write(dir, weights, dtype, MAX_SHARD_BYTES);
        } finally {
            // The split views of fused weights are new handles; the parameters themselves stay.
            Set<NDArray> parameters = Collections.newSetFromMap(new IdentityHashMap<>());
            parameters.addAll(fusedWeights.values());
            weights.values().stream().filter(w -> !parameters.contains(w)).forEach(NDArray::close);
        }
        tokenizer.save(dir);
    }

    /**
     * The first thing a loadable checkpoint directory lacks ({@code config.json}, {@code tokenizer.json}, the
     * weights, or the directory itself), or null when it has them all.
     */
    public static String missingPart(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "directory (it does not exist)";
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            return CONFIG;
        }
        if (!Files.isRegularFile(dir.resolve(TextTokenizer.FILE))) {
            return TextTokenizer.FILE;
        }
        return WeightFiles.present(dir) ? null : WeightFiles.SINGLE;
    }

    private static void requireFile(Path dir, String name) {
        if (!Files.isRegularFile(dir.resolve(name))) {
            throw new IllegalArgumentException("not a Hugging Face checkpoint directory: " + dir + " has no " + name);
        }
    }
}
