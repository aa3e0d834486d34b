package ai.mnemo.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.SafeTensorsWriter;
import ai.mnemo.lm.checkpoint.TensorDtype;
import ai.mnemo.lm.config.LlamaConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory of LoRA adapters in the layout PEFT users know: {@code adapter_config.json} and
 * {@code adapter_model.safetensors}. The config names the frozen base model by a path relative to the adapter
 * directory, so a run's artifacts can move as a whole.
 */
public final class AdapterCheckpoint {

    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdapterCheckpoint() {}

    /** Whether {@code dir} holds adapters rather than a whole model. */
    public static boolean isAdapterDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    public static AdapterConfig config(Path dir) {
        try {
            return JSON.readValue(dir.resolve(CONFIG).toFile(), AdapterConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(CONFIG), e);
        }
    }

    /** The frozen model's directory: the config's base path, resolved against the adapter directory. */
    public static Path baseOf(Path dir) {
        String base = config(dir).baseModel();
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException(dir.resolve(CONFIG) + " names no base_model_name_or_path");
        }
        return dir.resolve(base).normalize();
    }

    /** Writes the adapters, naming {@code base} (a directory) as their frozen model. */
    public static void save(LoraAdapters adapters, Path dir, Path base) {
        try {
            Files.createDirectories(dir);
            Path relative = dir.toAbsolutePath().normalize().relativize(base.toAbsolutePath().normalize());
            JSON.writeValue(dir.resolve(CONFIG).toFile(), AdapterConfig.of(adapters.shape(), relative.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CONFIG), e);
        }
        SafeTensorsWriter.write(dir.resolve(WEIGHTS), adapters.parameters(), TensorDtype.F32,
                Map.of("format", "pt"));
    }

    /** Loads the adapters saved in {@code dir} for a model of {@code config}, onto a new manager under parent. */
    public static LoraAdapters load(Path dir, LlamaConfig config, NDManager parent) {
        LoraShape shape;
        try {
            shape = config(dir).shape();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
        NDManager manager = parent.newSubManager();
        try {
            Map<String, NDArray> named = SafeTensorsReader.read(dir.resolve(WEIGHTS), manager);
            return LoraAdapters.of(config, shape, named, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
