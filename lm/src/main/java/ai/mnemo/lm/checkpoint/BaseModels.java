package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.config.ModelLocations;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.file.Path;

/**
 * The Hugging Face directory a job starts from, for trainers and evaluators alike: a model URI's directory, checked
 * to be loadable, or a preset materialized once per (preset, seed).
 */
public final class BaseModels {

    private static final long DEFAULT_SEED = 0L; // the spec's default model.seed

    private final ModelLocations locations;

    public BaseModels(ModelLocations locations) {
        this.locations = locations;
    }

    /** @throws BaseModelException naming the field of {@code model} that cannot be used, and why */
    public Path resolve(ModelRef model) {
        if (model.preset() != null) {
            return preset(model.preset(), model.seed() == null ? DEFAULT_SEED : model.seed());
        }
        Path dir;
        try {
            dir = locations.model(model.uri());
        } catch (IllegalArgumentException e) {
            throw new BaseModelException("model.uri " + model.uri() + " cannot be used: " + e.getMessage(), e);
        }
        String missing = ModelDirectory.missingPart(dir);
        if (missing != null) {
            throw new BaseModelException("model.uri " + model.uri() + " is not a Hugging Face checkpoint directory: "
                    + dir + " has no " + missing, null);
        }
        return dir;
    }

    /** The preset's directory, written on first use (see {@link Presets#materialize}). */
    private Path preset(String preset, long seed) {
        try (NDManager manager = TorchRuntime.newManager()) {
            return Presets.materialize(preset, seed, locations.preset(preset, seed), manager);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BaseModelException("model.preset: " + e.getMessage(), e);
        }
    }

    /** A job's model reference that names nothing loadable: the job fails, and retrying cannot help. */
    public static final class BaseModelException extends IllegalArgumentException {
        BaseModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
