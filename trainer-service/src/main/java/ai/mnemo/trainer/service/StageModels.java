package ai.mnemo.trainer.service;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.datasets.Seeds;
import ai.mnemo.events.v1.StageMethod;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.config.Precision;
import ai.mnemo.lm.engine.EngineDtypes;
import ai.mnemo.lm.lora.AdapterCheckpoint;
import ai.mnemo.lm.lora.LoraAdapters;
import ai.mnemo.lm.lora.LoraShape;
import ai.mnemo.lm.lora.LoraTarget;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.penalty.EwcPenalty;
import ai.mnemo.lm.penalty.FisherFiles;
import ai.mnemo.lm.penalty.KlToReference;
import ai.mnemo.lm.train.PenaltyTerm;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The models one job trains with, loaded together and freed together: the model being trained (with its adapters
 * attached when the stage trains LoRA), and what the method's penalty terms compare it with (the frozen stage-start
 * model for KL; stage 0's weights and Fisher information for EWC).
 */
final class StageModels implements AutoCloseable {

    private final HfCheckpoint.Loaded trained;
    private final Path adapterBase;
    private final List<PenaltyTerm> penalties;
    private final List<AutoCloseable> owned;

    private StageModels(HfCheckpoint.Loaded trained, Path adapterBase, List<PenaltyTerm> penalties,
            List<AutoCloseable> owned) {
        this.trained = trained;
        this.adapterBase = adapterBase;
        this.penalties = List.copyOf(penalties);
        this.owned = owned;
    }

    /**
     * @param start the stage-start model's directory (a whole checkpoint or adapters on one)
     * @param checkpoint the job's checkpoint directory, resumed from when {@code resume}
     * @throws JobFailure when something the method needs is missing or does not fit
     */
    static StageModels load(TrainingJob job, Path start, Path checkpoint, boolean resume, ArtifactStore store,
            NDManager root) {
        StageMethod method = job.settings().method();
        DataType dtype = computeType(job, start);
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            HfCheckpoint.Loaded trained;
            Path adapterBase = null;
            if (method != null && method.lora() != null) {
                adapterBase = inside(store, ModelDirectory.wholeModel(start), "the base of the adapters at " + start);
                trained = HfCheckpoint.load(adapterBase, root);
                owned.add(trained);
                LoraAdapters adapters = adapters(job, method.lora(), start, checkpoint, resume, trained, root);
                owned.add(adapters);
                trained.model().attach(adapters);
            } else {
                trained = load(store, resume ? checkpoint : start, root, dtype);
                owned.add(trained);
            }
            List<PenaltyTerm> penalties = new ArrayList<>();
            if (method != null && method.kl() != null) {
                HfCheckpoint.Loaded reference = load(store, start, root, dtype); // frozen, in the compute dtype
                owned.add(reference);
                penalties.add(new KlToReference(reference.model(), method.kl().weight()));
            }
            if (method != null && method.ewc() != null) {
                penalties.add(ewc(method.ewc(), trained.model(), store, root, owned));
            }
            return new StageModels(trained, adapterBase, penalties, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e instanceof JobFailure ? e : new JobFailure("cannot load the models of the stage: " + e.getMessage(),
                    e);
        }
    }

    Llama model() {
        return trained.model();
    }

    HfCheckpoint.Loaded loaded() {
        return trained;
    }

    /** The frozen base model's directory when the stage trains adapters, else null. */
    Path adapterBase() {
        return adapterBase;
    }

    List<PenaltyTerm> penalties() {
        return penalties;
    }

    /**
     * The adapters to train: those of the checkpoint being resumed, those of the stage-start model when it is an
     * adapter directory (consecutive LoRA stages keep training the same adapters on the same frozen base), or fresh
     * ones drawn from the run's seed.
     */
    private static LoraAdapters adapters(TrainingJob job, StageMethod.Lora lora, Path start, Path checkpoint,
            boolean resume, HfCheckpoint.Loaded base, NDManager root) {
        LoraShape shape = new LoraShape(lora.rank(), lora.alpha(), lora.targetModules().stream()
                .map(LoraTarget::ofShortName).collect(Collectors.toSet()));
        Path saved = resume ? checkpoint : AdapterCheckpoint.isAdapterDirectory(start) ? start : null;
        if (saved == null) {
            long seed = Seeds.derive(job.settings().seed(), "lora", job.stageIndex());
            return LoraAdapters.initialize(base.model().config(), shape, seed, root);
        }
        LoraAdapters adapters = AdapterCheckpoint.load(saved, base.model().config(), root);
        if (!adapters.shape().equals(shape)) {
            adapters.close();
            throw new JobFailure("the adapters at " + saved + " have shape " + adapters.shape() + ", but the job "
                    + "asks for " + shape + "; a LoRA stage continues the adapters it starts from");
        }
        return adapters;
    }

    private static PenaltyTerm ewc(StageMethod.Ewc ewc, Llama model, ArtifactStore store, NDManager root,
            List<AutoCloseable> owned) {
        Path anchorDir;
        try {
            anchorDir = store.path(ewc.anchorUri());
        } catch (IllegalArgumentException e) {
            throw new JobFailure("ewc.anchorUri " + ewc.anchorUri() + " cannot be read: " + e.getMessage(), e);
        }
        HfCheckpoint.Loaded anchor = load(store, anchorDir, root);
        owned.add(anchor);
        NDManager fisherManager = root.newSubManager();
        owned.add(fisherManager);
        Map<String, NDArray> fisher;
        try {
            fisher = FisherFiles.load(anchorDir, model.config(), fisherManager);
        } catch (IllegalArgumentException e) {
            throw new JobFailure("ewc.anchorUri: " + e.getMessage(), e);
        }
        return new EwcPenalty(model.parameters(), anchor.model().parameters(), fisher, ewc.lambda());
    }

    /** The model at {@code dir}, adapters merged in, once the whole model behind it is known to be ours. */
    private static HfCheckpoint.Loaded load(ArtifactStore store, Path dir, NDManager root) {
        return load(store, dir, root, DataType.FLOAT32);
    }

    /** As {@link #load(ArtifactStore, Path, NDManager)} with the weights in {@code dtype}. */
    private static HfCheckpoint.Loaded load(ArtifactStore store, Path dir, NDManager root, DataType dtype) {
        inside(store, ModelDirectory.wholeModel(dir), "the model behind " + dir);
        return dtype == DataType.FLOAT32 ? ModelDirectory.load(dir, root) : HfCheckpoint.load(dir, root, dtype);
    }

    /**
     * The dtype the trained model computes in, for the job's precision; a precision this engine cannot run, or
     * one not yet wired for the job's method, fails the job saying what to use instead.
     */
    private static DataType computeType(TrainingJob job, Path start) {
        Precision precision = TrainingSettingsMapper.precision(job.settings().precision());
        if (precision == Precision.FP32) {
            return DataType.FLOAT32;
        }
        StageMethod method = job.settings().method();
        if (method != null && method.lora() != null) {
            throw new JobFailure("precision " + precision.specName() + " is not available with LoRA yet (the "
                    + "adapters stay FP32 beside the base); train LoRA stages with precision fp32");
        }
        if (AdapterCheckpoint.isAdapterDirectory(start)) {
            throw new JobFailure("precision " + precision.specName() + " needs a whole checkpoint to start from, "
                    + "but " + start + " holds adapters; train this stage with precision fp32");
        }
        try {
            return EngineDtypes.supportedCompute(precision);
        } catch (UnsupportedOperationException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    private static Path inside(ArtifactStore store, Path path, String what) {
        try {
            return store.inside(path);
        } catch (IllegalArgumentException e) {
            throw new JobFailure(what + " is " + path + ", outside the artifact root " + store.root(), e);
        }
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // freeing native memory does not fail in a way the job could act on
            }
        }
    }
}
