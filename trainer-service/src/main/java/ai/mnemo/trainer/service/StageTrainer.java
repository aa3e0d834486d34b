package ai.mnemo.trainer.service;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.BaseModels;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.SequenceLimit;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.penalty.FisherDiagonal;
import ai.mnemo.lm.penalty.FisherFiles;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.MemorizationCheck;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingObjective;
import ai.mnemo.lm.train.TrainingOptions;
import ai.mnemo.lm.train.TrainingResult;
import ai.mnemo.lm.train.TrainingState;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.trainer.config.TrainerConfig;
import ai.mnemo.trainer.metrics.TrainerMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Trains one job with lm: finds where the stage stands (finished, resumable or new), loads the model, checks and
 * encodes the rows, and runs the loop with checkpoints into the job's checkpoint directory. Everything it loads
 * lives under one NDManager closed at the end, so a long-lived instance does not grow from job to job.
 */
public final class StageTrainer {

    private static final Logger LOG = Logger.getLogger(StageTrainer.class);

    private final ArtifactStore store;
    private final BaseModels models;
    private final TrainerConfig config;
    private final TrainingEventSink events;
    private final TrainerMetrics metrics;
    private final BooleanSupplier stop;
    private final String worker;

    public StageTrainer(ArtifactStore store, TrainerConfig config, TrainingEventSink events, TrainerMetrics metrics,
            BooleanSupplier stop, String worker) {
        this.store = store;
        this.models = new BaseModels(store);
        this.config = config;
        this.events = events;
        this.metrics = metrics;
        this.stop = stop;
        this.worker = worker;
    }

    /**
     * @throws JobFailure (or any other exception) when the job cannot be trained; the caller turns it into
     *     TrainingFailed
     */
    public StageOutcome run(TrainingJob job) {
        Path checkpoint = checkpointDir(job);
        // Ours before we read it: a trainer that lost this job can no longer replace the checkpoint under us.
        long generation = TrainingCheckpoint.claim(checkpoint);
        TrainingState resume = null;
        if (TrainingCheckpoint.exists(checkpoint)) {
            TrainingState saved = TrainingCheckpoint.state(checkpoint);
            if (saved.finished()) {
                LOG.infof("run %s stage %d: checkpoint %s is already finished (%s), announcing it again",
                        job.runId(), job.stageIndex(), checkpoint, saved.stopReason());
                if (!TrainingResult.isFailure(saved.stopReason())) {
                    recordFisherOfFinished(job, checkpoint);
                }
                return FinishedStages.of(job, saved);
            }
            resume = saved;
        }
        StageDataset dataset = StageDataset.read(store, job.datasetUri());
        TrainingOptions options = TrainingSettingsMapper.options(job.settings(), config.checkpointEveryEpochs());
        Path start = baseModel(job);
        try (NDManager root = TorchRuntime.newManager();
                StageModels stageModels = StageModels.load(job, start, checkpoint, resume != null, store, root)) {
            return train(job, stageModels, root, dataset, options, checkpoint, generation, resume);
        }
    }

    /** The directory the stage starts from; a reference to nothing loadable fails the job for good. */
    private Path baseModel(TrainingJob job) {
        try {
            return models.resolve(job.model());
        } catch (BaseModels.BaseModelException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    private StageOutcome train(TrainingJob job, StageModels stageModels, NDManager root, StageDataset dataset,
            TrainingOptions options, Path checkpoint, long generation, TrainingState resume) {
        HfCheckpoint.Loaded loaded = stageModels.loaded();
        Llama model = loaded.model();
        ChatTemplate template = template(loaded);
        SequenceLimit limit = SequenceLimit.of(job.settings().maxSequenceLength(), model.config());
        List<EncodedExample> rows = StageDataset.encode(dataset.rows(), template, limit);
        requireSameRows(resume, rows.size(), checkpoint);

        MemorizationCheck check = null;
        if (options.stopping() instanceof StoppingRule.Memorized) {
            List<PreparedRow> facts = dataset.facts();
            check = MemorizationProbes.over(facts, StageDataset.encode(facts, template, limit), template,
                    loaded.tokenizer(), config.probeBatchSize(), dataset.file().toString());
        }
        AdamW optimizer = AdamW.forTraining(model, options);
        if (resume != null) {
            TrainingCheckpoint.restoreOptimizer(checkpoint, optimizer, root);
        }
        ProgressListener listener = new ProgressListener(job, events, metrics, config.progressEverySteps(),
                config.progressMinInterval(), stop);
        Trainer trainer = new Trainer(model, new TrainingObjective(stageModels.penalties()), options, listener);
        long planned = resume != null ? resume.plannedSteps()
                : trainer.stepsPerEpoch(rows.size()) * options.stopping().maxEpochs();
        long resumedFrom = resume != null ? resume.step() : 0;
        events.publish(TrainingStarted.of(job.experimentId(), job.runId(), job.stageIndex(), job.attempt(), worker,
                planned, resumedFrom));
        LOG.infof("run %s stage %d: training %d rows (%s), %d steps planned, from step %d", job.runId(),
                job.stageIndex(), rows.size(), describe(stageModels), planned, resumedFrom);

        TrainingResult result = trainer.train(rows, optimizer, resume, check,
                TrainingCheckpoint.into(checkpoint, loaded.tokenizer(), stageModels.adapterBase(), generation));
        LOG.infof("run %s stage %d: %s after %d steps, %d epochs, loss %.4f; %.0f tokens/s in steps, %.0f over "
                + "the job", job.runId(), job.stageIndex(), result.stopReason(), result.steps(), result.epochs(),
                result.finalLoss(), result.tokensPerSecond(), listener.jobTokensPerSecond());
        StageOutcome outcome = FinishedStages.of(job, result);
        if (outcome instanceof StageOutcome.Completed && recordsFisher(job)) {
            recordFisher(job, model, StageDataset.encode(dataset.facts(), template, limit),
                    checkpoint, root);
        }
        return outcome;
    }

    /** Stage 0 of an EWC run keeps the Fisher information of its facts beside its checkpoint. */
    private static boolean recordsFisher(TrainingJob job) {
        return job.settings().method() != null && job.settings().method().recordsFisher();
    }

    private void recordFisher(TrainingJob job, Llama model, List<EncodedExample> facts, Path checkpoint,
            NDManager root) {
        long started = System.nanoTime();
        try (NDManager scope = root.newSubManager()) {
            FisherFiles.save(checkpoint, model.config(), FisherDiagonal.of(model, facts, scope));
        }
        LOG.infof("run %s stage %d: Fisher information of %d facts saved in %.1f s", job.runId(), job.stageIndex(),
                facts.size(), (System.nanoTime() - started) / 1e9);
    }

    /** A delivery that died between the checkpoint and the Fisher file leaves the Fisher to its redelivery. */
    private void recordFisherOfFinished(TrainingJob job, Path checkpoint) {
        if (!recordsFisher(job) || FisherFiles.present(checkpoint)) {
            return;
        }
        StageDataset dataset = StageDataset.read(store, job.datasetUri());
        try (NDManager root = TorchRuntime.newManager();
                HfCheckpoint.Loaded loaded = ModelDirectory.load(checkpoint, root)) {
            SequenceLimit limit = SequenceLimit.of(job.settings().maxSequenceLength(),
                    loaded.model().config());
            recordFisher(job, loaded.model(), StageDataset.encode(dataset.facts(), template(loaded), limit),
                    checkpoint, root);
        }
    }

    private static ChatTemplate template(HfCheckpoint.Loaded loaded) {
        LlamaConfig config = loaded.model().config();
        return new ChatTemplate(loaded.tokenizer(), config.bosTokenId(), config.eosTokenId());
    }

    private static String describe(StageModels models) {
        List<String> parts = new java.util.ArrayList<>();
        if (models.adapterBase() != null) {
            parts.add("LoRA " + models.model().adapters().shape());
        }
        models.penalties().forEach(p -> parts.add(p.name()));
        return parts.isEmpty() ? "full fine-tuning" : String.join(" + ", parts);
    }

    private Path checkpointDir(TrainingJob job) {
        try {
            return store.path(job.checkpointUri());
        } catch (IllegalArgumentException e) {
            throw new JobFailure("checkpointUri " + job.checkpointUri() + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** A checkpoint's data order only fits the rows it was written for. */
    private static void requireSameRows(TrainingState resume, int rows, Path checkpoint) {
        if (resume != null && resume.order() != null && resume.order().length != rows) {
            throw new JobFailure("the unfinished checkpoint " + checkpoint + " was written for "
                    + resume.order().length + " rows but the dataset now has " + rows
                    + "; delete the checkpoint directory to train the stage from the start");
        }
    }
}
