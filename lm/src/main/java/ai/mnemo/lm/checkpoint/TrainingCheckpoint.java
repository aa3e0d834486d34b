package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.lora.AdapterCheckpoint;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.WeightLayout;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.TrainingState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A resumable checkpoint: the Hugging Face model directory (or, when training adapters, the PEFT adapter directory
 * naming its frozen base) plus {@code optimizer.safetensors} (AdamW moments) and {@code trainer_state.json} (step,
 * epoch, data order, generator state, ...). It is written to a sibling directory and moved into place, so a crash
 * never leaves a half-written checkpoint behind.
 */
public final class TrainingCheckpoint {

    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "trainer_state.json";
    private static final String OPTIMIZER_STEPS = "optimizer_steps";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingCheckpoint() {}

    /** A sink that saves every checkpoint of a run into {@code dir}, replacing the previous one. */
    public static CheckpointSink into(Path dir, TextTokenizer tokenizer) {
        return into(dir, tokenizer, null);
    }

    /**
     * A sink as {@link #into(Path, TextTokenizer)} for a model that may train adapters: those are saved instead of
     * the weights, naming {@code adapterBase} (the frozen model's directory) as their base.
     */
    public static CheckpointSink into(Path dir, TextTokenizer tokenizer, Path adapterBase) {
        return (model, optimizer, state) -> save(dir, model, tokenizer, optimizer, state, adapterBase);
    }

    public static void save(Path dir, Llama model, TextTokenizer tokenizer, AdamW optimizer, TrainingState state) {
        save(dir, model, tokenizer, optimizer, state, null);
    }

    private static void save(Path dir, Llama model, TextTokenizer tokenizer, AdamW optimizer, TrainingState state,
            Path adapterBase) {
        Path staging = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            deleteRecursively(staging);
            if (model.adapters() != null) {
                if (adapterBase == null) {
                    throw new IllegalStateException("saving adapters needs the directory of their base model");
                }
                AdapterCheckpoint.save(model.adapters(), staging, adapterBase);
                tokenizer.save(staging);
            } else if (!optimizer.masters().isEmpty()) {
                HfCheckpoint.save(model.config(), optimizer.masters(), tokenizer, staging, TensorDtype.F32);
            } else {
                HfCheckpoint.save(model, tokenizer, staging, exactDtype(model.dtype()));
            }
            SafeTensorsWriter.write(staging.resolve(OPTIMIZER), optimizer.state(),
                    exactDtype(optimizer.state().values().iterator().next().getDataType()),
                    Map.of(OPTIMIZER_STEPS, Long.toString(optimizer.steps())));
            JSON.writeValue(staging.resolve(STATE).toFile(), state);
            Path previous = dir.resolveSibling(dir.getFileName() + ".previous");
            deleteRecursively(previous);
            if (Files.exists(dir)) {
                Files.move(dir, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + dir, e);
        }
    }

    /**
     * The file dtype that holds a tensor of this engine dtype exactly: weights and moments are saved as they are
     * trained (FP32 masters and moments as F32, pure-bf16 weights and moments as BF16), never rounded.
     */
    static TensorDtype exactDtype(DataType type) {
        return type == DataType.BFLOAT16 ? TensorDtype.BF16 : TensorDtype.F32;
    }

    /** Whether {@code dir} holds a resumable checkpoint. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE)) && Files.isRegularFile(dir.resolve(OPTIMIZER));
    }

    public static TrainingState state(Path dir) {
        try {
            return JSON.readValue(dir.resolve(STATE).toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(STATE), e);
        }
    }

    /**
     * Copies the saved AdamW moments into {@code optimizer}, and with a master copy the saved FP32 weights into the
     * masters (and, rounded, into the model).
     */
    public static void restoreOptimizer(Path dir, AdamW optimizer, NDManager scratch) {
        try (NDManager manager = scratch.newSubManager()) {
            Map<String, NDArray> saved = SafeTensorsReader.read(dir.resolve(OPTIMIZER), manager);
            optimizer.restore(saved, optimizerSteps(dir));
            if (!optimizer.masters().isEmpty()) {
                optimizer.restoreMasters(WeightLayout.fuse(HfCheckpoint.config(dir), WeightFiles.read(dir, manager)));
            }
        }
    }

    /**
     * The optimizer's own step count (bias correction), which lags the trainer's when fp16 overflow skipped steps;
     * checkpoints without it (older ones) had the two equal.
     */
    private static long optimizerSteps(Path dir) {
        String saved = SafeTensorsReader.metadata(dir.resolve(OPTIMIZER)).get(OPTIMIZER_STEPS);
        return saved != null ? Long.parseLong(saved) : state(dir).step();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
