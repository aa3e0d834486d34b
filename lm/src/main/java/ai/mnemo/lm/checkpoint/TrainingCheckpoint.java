package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.datasets.files.Durable;
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
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A resumable checkpoint: the Hugging Face model directory (or, when training adapters, the PEFT adapter directory
 * naming its frozen base) plus {@code optimizer.safetensors} (AdamW moments) and {@code trainer_state.json} (step,
 * epoch, data order, generator state, ...).
 *
 * <p>A save writes a staging directory named for the writer ({@code <dir>.partial-<generation>-<uuid>}), forces it
 * to disk, then, if the writer still holds the directory ({@link CheckpointFence}), moves the current checkpoint to
 * {@code <dir>.previous} and the staging directory into place. A kill at any point leaves a usable checkpoint: the
 * old one, the new one, or the old one as {@code .previous}, which {@link #exists} moves back.
 */
public final class TrainingCheckpoint {

    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "trainer_state.json";
    private static final String OPTIMIZER_STEPS = "optimizer_steps";
    private static final String PARTIAL = ".partial-";
    private static final String PREVIOUS = ".previous";

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
        return into(dir, tokenizer, adapterBase, claim(dir));
    }

    /** A sink for the holder of {@code generation}, which {@link #claim} gave it before it read the directory. */
    public static CheckpointSink into(Path dir, TextTokenizer tokenizer, Path adapterBase, long generation) {
        return (model, optimizer, state) -> save(dir, model, tokenizer, optimizer, state, adapterBase, generation);
    }

    public static void save(Path dir, Llama model, TextTokenizer tokenizer, AdamW optimizer, TrainingState state) {
        save(dir, model, tokenizer, optimizer, state, null, claim(dir));
    }

    /**
     * Makes this writer the directory's holder and clears what older holders left half-written: their saves fail
     * from now on. A trainer that resumes must claim before it reads the checkpoint, or an older holder could still
     * replace it between the reading of its state and of its weights.
     */
    public static long claim(Path dir) {
        long generation = CheckpointFence.claim(dir);
        Path parent = dir.toAbsolutePath().getParent();
        String prefix = dir.getFileName() + PARTIAL;
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteRecursively(stale);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear old partial checkpoints beside " + dir, e);
        }
        return generation;
    }

    private static void save(Path dir, Llama model, TextTokenizer tokenizer, AdamW optimizer, TrainingState state,
            Path adapterBase, long generation) {
        Path staging = CheckpointFence.sibling(dir, PARTIAL + generation + "-" + UUID.randomUUID());
        try {
            write(staging, model, tokenizer, optimizer, state, adapterBase);
            CheckpointFence.publish(dir, generation, () -> replace(dir, staging));
        } catch (IOException e) {
            if (CheckpointFence.current(dir) != generation) {
                throw new CheckpointFencedException("checkpoint " + dir + " was claimed by a newer holder while"
                        + " this one (generation " + generation + ") wrote it", e);
            }
            throw new UncheckedIOException("cannot save checkpoint " + dir, e);
        } finally {
            deleteQuietly(staging); // gone after a rename; left by a refusal or a failure
        }
    }

    /** Writes every file of a checkpoint into {@code staging} and forces them to disk. */
    private static void write(Path staging, Llama model, TextTokenizer tokenizer, AdamW optimizer, TrainingState state,
            Path adapterBase) throws IOException {
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
        Durable.forceTree(staging);
    }

    /**
     * Puts a complete, forced staging directory in place of the checkpoint. A directory cannot be renamed over a
     * non-empty one, hence two renames; between them the old checkpoint is {@code .previous} ({@link #recover}).
     */
    static void replace(Path dir, Path staging) throws IOException {
        Path previous = CheckpointFence.sibling(dir, PREVIOUS);
        deleteRecursively(previous);
        if (Files.exists(dir)) {
            Files.move(dir, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        Durable.forceDirectory(dir.toAbsolutePath().getParent());
        deleteRecursively(previous);
    }

    /** A kill between the two renames of {@link #replace} left the last checkpoint as {@code .previous}: back it goes. */
    static void recover(Path dir) {
        Path previous = CheckpointFence.sibling(dir, PREVIOUS);
        if (Files.exists(dir) || !Files.isRegularFile(previous.resolve(STATE))) {
            return;
        }
        CheckpointFence.locked(dir, () -> {
            if (!Files.exists(dir) && Files.isRegularFile(previous.resolve(STATE))) {
                Files.move(previous, dir, StandardCopyOption.ATOMIC_MOVE);
                Durable.forceDirectory(dir.toAbsolutePath().getParent());
            }
            return null;
        });
    }

    /**
     * The file dtype that holds a tensor of this engine dtype exactly: weights and moments are saved as they are
     * trained (FP32 masters and moments as F32, pure-bf16 weights and moments as BF16), never rounded.
     */
    static TensorDtype exactDtype(DataType type) {
        return type == DataType.BFLOAT16 ? TensorDtype.BF16 : TensorDtype.F32;
    }

    /** Whether {@code dir} holds a resumable checkpoint (after moving back one a kill left as {@code .previous}). */
    public static boolean exists(Path dir) {
        recover(dir);
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

    private static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException e) {
            // A leftover staging directory is cleared by the next claim.
        }
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
