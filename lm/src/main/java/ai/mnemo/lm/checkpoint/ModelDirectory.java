package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.lora.AdapterCheckpoint;
import ai.mnemo.lm.lora.LoraAdapters;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory a model can be loaded from: a whole Hugging Face checkpoint, or PEFT adapters naming the whole
 * checkpoint they adapt. Loading adapters loads their base and merges them in, which computes exactly what base and
 * adapters compute side by side (up to float rounding) at the cost of one forward pass.
 */
public final class ModelDirectory {

    private ModelDirectory() {}

    /** The model at {@code dir}, adapters merged in; its tokenizer is the base's. */
    public static HfCheckpoint.Loaded load(Path dir, NDManager parent) {
        return load(dir, parent, DataType.FLOAT32);
    }

    /** As {@link #load(Path, NDManager)}, the weights in {@code dtype} (adapters are merged in that dtype). */
    public static HfCheckpoint.Loaded load(Path dir, NDManager parent, DataType dtype) {
        if (!AdapterCheckpoint.isAdapterDirectory(dir)) {
            return HfCheckpoint.load(dir, parent, dtype);
        }
        HfCheckpoint.Loaded base = HfCheckpoint.load(baseOf(dir), parent, dtype);
        try (LoraAdapters adapters = AdapterCheckpoint.load(dir, base.model().config(), parent)) {
            adapters.mergeInto(base.model());
            return base;
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    /** The whole checkpoint behind {@code dir}: itself, or the base its adapters name. */
    public static Path wholeModel(Path dir) {
        return AdapterCheckpoint.isAdapterDirectory(dir) ? baseOf(dir) : dir;
    }

    /**
     * The first thing a loadable directory lacks, or null when it has them all: for a whole checkpoint as
     * {@link HfCheckpoint#missingPart}; for adapters their weights, or what their base lacks.
     */
    public static String missingPart(Path dir) {
        if (!AdapterCheckpoint.isAdapterDirectory(dir)) {
            return HfCheckpoint.missingPart(dir);
        }
        if (!Files.isRegularFile(dir.resolve(AdapterCheckpoint.WEIGHTS))) {
            return AdapterCheckpoint.WEIGHTS;
        }
        Path base;
        try {
            base = baseOf(dir);
        } catch (RuntimeException e) {
            return "readable " + AdapterCheckpoint.CONFIG + " (" + e.getMessage() + ")";
        }
        String missing = HfCheckpoint.missingPart(base);
        return missing == null ? null : "base model at " + base + ": it has no " + missing;
    }

    private static Path baseOf(Path dir) {
        Path base = AdapterCheckpoint.baseOf(dir);
        if (AdapterCheckpoint.isAdapterDirectory(base)) {
            throw new IllegalArgumentException("the base of the adapters at " + dir + " is itself an adapter "
                    + "directory (" + base + "); adapters must name a whole model");
        }
        return base;
    }
}
