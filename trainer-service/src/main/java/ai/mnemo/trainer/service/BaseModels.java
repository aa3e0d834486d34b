package ai.mnemo.trainer.service;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Path;

/**
 * Finds the Hugging Face directory a job starts from: a checkpoint URI inside the artifact store, or a preset
 * materialized once per (preset, seed) under {@code models/}.
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
            dir = store.model(model.uri());
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

    /** The preset's directory, written on first use (see {@link Presets#materialize}). */
    public Path preset(String preset, long seed) {
        try (NDManager manager = TorchRuntime.newManager()) {
            return Presets.materialize(preset, seed, store.preset(preset, seed), manager);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    static String missingPart(Path dir) {
        return ModelDirectory.missingPart(dir);
    }
}
