package ai.mnemo.lm.penalty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.SafeTensorsWriter;
import ai.mnemo.lm.checkpoint.TensorDtype;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.WeightLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The diagonal Fisher information kept beside a checkpoint ({@code ewc_fisher.safetensors}, Hugging Face tensor
 * names like the weights), so a later stage's EWC penalty reads the weights and their Fisher from one directory.
 */
public final class FisherFiles {

    public static final String FILE = "ewc_fisher.safetensors";

    private FisherFiles() {}

    public static boolean present(Path checkpoint) {
        return Files.isRegularFile(checkpoint.resolve(FILE));
    }

    /** Writes F (by the model's fused names) under Hugging Face names; atomically, so it is whole or absent. */
    public static void save(Path checkpoint, LlamaConfig config, Map<String, NDArray> fused) {
        Map<String, NDArray> named = WeightLayout.unfuse(config, fused);
        Path staging = checkpoint.resolve(FILE + ".partial");
        try {
            SafeTensorsWriter.write(staging, named, TensorDtype.F32, Map.of("format", "pt"));
            Files.move(staging, checkpoint.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Fisher information into " + checkpoint, e);
        } finally {
            Set<NDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(fused.values());
            named.values().stream().filter(v -> !kept.contains(v)).forEach(NDArray::close);
        }
    }

    /** F by the model's fused names, on {@code manager}. */
    public static Map<String, NDArray> load(Path checkpoint, LlamaConfig config, NDManager manager) {
        if (!present(checkpoint)) {
            throw new IllegalArgumentException(checkpoint + " has no " + FILE + "; EWC needs the Fisher information of "
                    + "stage 0, which its trainer saves there");
        }
        return WeightLayout.fuse(config, SafeTensorsReader.read(checkpoint.resolve(FILE), manager));
    }
}
