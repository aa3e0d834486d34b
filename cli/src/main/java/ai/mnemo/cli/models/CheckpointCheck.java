package ai.mnemo.cli.models;

import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.ParameterShapes;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks, without loading any weights, that a directory is a Hugging Face checkpoint Mnemo can train: a
 * {@code config.json} of a supported family, a {@code tokenizer.json}, and safetensors weights that hold every
 * tensor the config implies with the shape it implies.
 */
public final class CheckpointCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A checkpoint that passed: its config, its parameter count and the bytes of its weight files. */
    public record Checked(LlamaConfig config, long parameters, long weightBytes) {}

    private CheckpointCheck() {}

    /** @throws ImportRefused naming the first thing that is wrong */
    public static Checked check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ImportRefused(dir + " is not a directory");
        }
        LlamaConfig config = config(dir);
        requireTokenizer(dir);
        Map<String, WeightHeaders.Located> tensors = WeightHeaders.read(dir);
        Map<String, Shape> expected = ParameterShapes.of(config);
        List<String> missing = expected.keySet().stream().filter(name -> !tensors.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused("the weights lack " + missing.size() + " of the " + expected.size() + " tensors "
                    + HfCheckpoint.CONFIG + " implies, first " + missing.get(0) + ": is this the checkpoint the config"
                    + " belongs to?");
        }
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            WeightHeaders.Located found = tensors.get(e.getKey());
            long[] shape = found.entry().shape();
            if (!Arrays.equals(shape, e.getValue().getShape())) {
                throw new ImportRefused(found.file() + ": tensor " + e.getKey() + " has shape "
                        + Arrays.toString(shape) + ", " + HfCheckpoint.CONFIG + " implies "
                        + Arrays.toString(e.getValue().getShape()));
            }
        }
        return new Checked(config, ParameterShapes.count(config), weightBytes(dir));
    }

    private static LlamaConfig config(Path dir) {
        if (!Files.isRegularFile(dir.resolve(HfCheckpoint.CONFIG))) {
            throw new ImportRefused(dir + " has no " + HfCheckpoint.CONFIG + ": not a Hugging Face checkpoint");
        }
        try {
            return HfCheckpoint.config(dir);
        } catch (IllegalArgumentException | UncheckedIOException | ClassCastException e) {
            // The config's own check ("invalid model config: ...") arrives wrapped by Jackson: say only that.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ImportRefused(HfCheckpoint.CONFIG + ": " + (root instanceof IllegalArgumentException
                    ? root.getMessage() : WeightHeaders.message(e)));
        }
    }

    private static void requireTokenizer(Path dir) {
        Path file = dir.resolve(TextTokenizer.FILE);
        if (!Files.isRegularFile(file)) {
            throw new ImportRefused(dir + " has no " + TextTokenizer.FILE + " (Mnemo reads the fast-tokenizer file;"
                    + " download it with the weights)");
        }
        try {
            JsonNode tokenizer = JSON.readTree(file.toFile());
            if (tokenizer == null || !tokenizer.has("model")) {
                throw new ImportRefused(TextTokenizer.FILE + " has no \"model\": not a Hugging Face tokenizer file");
            }
        } catch (IOException e) {
            throw new ImportRefused(TextTokenizer.FILE + " is not readable JSON: " + WeightHeaders.message(e));
        }
    }

    private static long weightBytes(Path dir) {
        long bytes = 0;
        for (String file : WeightHeaders.files(dir)) {
            try {
                bytes += Files.size(dir.resolve(file));
            } catch (IOException e) {
                throw new ImportRefused("cannot read " + dir.resolve(file) + ": " + WeightHeaders.message(e));
            }
        }
        return bytes;
    }
}
