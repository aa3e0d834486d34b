package ai.mnemo.eval.service;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Path;

/**
 * The Hugging Face directory of a probe's base model: a checkpoint URI inside the artifact store, or a preset
 * materialized under {@code models/}, the same directory trainers use (see {@link Presets#materialize}).
 */
final class BaseModels {

    private static final long DEFAULT_SEED = 0L;

    private BaseModels() {
    }

    /** @throws InvalidProbeJobException naming {@code model} and what is wrong with it */
    static Path resolve(ModelRef model, ArtifactStore store) {
        if (model.preset() != null) {
            return preset(model.preset(), model.seed() == null ? DEFAULT_SEED : model.seed(), store);
        }
        Path dir;
        try {
            dir = store.model(model.uri());
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeJobException("model.uri: " + e.getMessage(), e);
        }
        String missing = missingPart(dir);
        if (missing != null) {
            throw new InvalidProbeJobException("model.uri: " + dir + " is not a Hugging Face checkpoint directory:"
                    + " it has no " + missing);
        }
        return dir;
    }

    private static Path preset(String preset, long seed, ArtifactStore store) {
        try (NDManager manager = TorchRuntime.newManager()) {
            return Presets.materialize(preset, seed, store.preset(preset, seed), manager);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidProbeJobException("model.preset: " + e.getMessage(), e);
        }
    }

    private static String missingPart(Path dir) {
        return HfCheckpoint.missingPart(dir);
    }
}
