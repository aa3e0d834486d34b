package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.util.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop: epochs of shuffled batches, one AdamW step per batch with global-norm clipping and a
 * cosine schedule, the stage's stopping rule, and resumable checkpoints.
 */
public final class Trainer {

    private final Llama model;
    private final TrainingObjective objective;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final int padId;

    /** Plain fine-tuning: the cross-entropy alone. */
    public Trainer(Llama model, TrainingOptions options, TrainingListener listener) {
        this(model, TrainingObjective.crossEntropy(), options, listener);
    }

    public Trainer(Llama model, TrainingObjective objective, TrainingOptions options, TrainingListener listener) {
        this.model = model;
        this.objective = objective;
        this.options = options;
        this.listener = listener;
        this.padId = model.config().eosTokenId();
    }

    /** Steps in one epoch of {@code rows} rows. */
    public long stepsPerEpoch(int rows) {
        return (rows + options.batchSize() - 1) / options.batchSize();
    }

    /**
     * Trains the optimizer's parameters (every weight, or only adapters) on {@code rows} until the stopping rule
     * says so, or the listener asks to stop.
     *
     * @param resume the state of a checkpoint to continue from (its optimizer moments already restored into
     *     {@code optimizer}), or null to start fresh
     * @param check the exact-match probe of the {@code memorized} rule (may be null for the other rules)
     */
    public TrainingResult train(List<EncodedExample> rows, AdamW optimizer, TrainingState resume,
            MemorizationCheck check, CheckpointSink checkpoints) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("nothing to train on: the dataset has no rows");
        }
        StoppingRule rule = options.stopping();
        long planned = stepsPerEpoch(rows.size()) * rule.maxEpochs();
        LearningRateSchedule schedule = options.constantLearningRate()
                ? LearningRateSchedule.constant(options.learningRate())
                : LearningRateSchedule.cosine(options.learningRate(), planned, options.warmupRatio());
        Progress p = resume == null ? Progress.fresh(options.seed(), planned) : Progress.of(resume);
        p.scaler = options.precision().lossScaling()
                ? LossScaler.dynamic(resume == null ? null : resume.lossScale()) : LossScaler.disabled();
        model.enableGradients();
        TrainingObjective.Batching batching = batching(rows);
        Double exactMatch = null;
        long savedAtStep = p.step;
        long savedAtNanos = System.nanoTime();
        while (p.epoch < rule.maxEpochs()) {
            if (p.nextBatch == 0) {
                p.startEpoch(rows.size());
            }
            double epochLoss = 0;
            double epochPenalty = 0;
            int epochSteps = 0;
            long epochTokens = 0;
            double epochSeconds = 0;
            while (p.nextBatch * options.batchSize() < rows.size()) {
                long started = System.nanoTime();
                List<EncodedExample> batchRows = batch(rows, p.order, p.nextBatch);
                double lr = schedule.at(p.step);
                Step taken = objective.takesHalves(batching, batchRows.size())
                        ? BatchHalves.shared().onFirst(() -> step(batchRows, batching, lr, p, optimizer))
                        : step(batchRows, batching, lr, p, optimizer);
                TrainingObjective.StepLoss stepLoss = taken.loss();
                double norm = taken.norm();
                if (taken.diverged()) {
                    // Applied, this step would make every weight NaN: it was not, stop on the last finite weights.
                    p.lastLoss = stepLoss.crossEntropy();
                    return finish(p, TrainingResult.DIVERGED, exactMatch, optimizer, checkpoints);
                }
                double loss = stepLoss.crossEntropy();
                long tokens = stepLoss.tokens();
                double seconds = (System.nanoTime() - started) / 1e9;
                p.afterStep(loss, tokens, seconds);
                epochLoss += loss;
                epochPenalty += stepLoss.penalty();
                epochSteps++;
                epochTokens += tokens;
                epochSeconds += seconds;
                listener.onStep(new TrainingListener.StepReport(p.step, p.epoch, loss, stepLoss.penalty(), lr, norm,
                        tokens, tokens / seconds, planned));
                if (rule instanceof StoppingRule.LossThreshold t && loss < t.threshold()
                        && ++p.lossBelowThreshold >= t.steps()) {
                    return finish(p, TrainingResult.LOSS_THRESHOLD, exactMatch, optimizer, checkpoints);
                }
                if (listener.stopRequested()) {
                    return finish(p, TrainingResult.STOPPED, exactMatch, optimizer, checkpoints);
                }
                // Within the epoch too, so that a kill loses little (the state resumes mid-epoch exactly).
                if (options.checkpointCadence().due(p.step - savedAtStep, (System.nanoTime() - savedAtNanos) / 1e9,
                        planned)) {
                    checkpoints.save(model, optimizer, p.toState(null));
                    savedAtStep = p.step;
                    savedAtNanos = System.nanoTime();
                }
            }
            p.endEpoch();
            if (rule instanceof StoppingRule.Memorized) {
                exactMatch = check.exactMatch(model);
            }
            listener.onEpoch(new TrainingListener.EpochReport(p.epoch, p.step, epochLoss / epochSteps,
                    epochPenalty / epochSteps, exactMatch,
                    epochTokens, epochSeconds));
            if (exactMatch != null && exactMatch >= 1.0) {
                return finish(p, TrainingResult.MEMORIZED, exactMatch, optimizer, checkpoints);
            }
            if (p.epoch < rule.maxEpochs() && options.checkpointEveryEpochs() > 0
                    && p.epoch % options.checkpointEveryEpochs() == 0 && p.step > savedAtStep) {
                checkpoints.save(model, optimizer, p.toState(null));
                savedAtStep = p.step;
                savedAtNanos = System.nanoTime();
            }
        }
        return finish(p, capReason(rule), exactMatch, optimizer, checkpoints);
    }

    /** What one optimizer step did. */
    private record Step(TrainingObjective.StepLoss loss, double norm, boolean diverged) {}

    /** Forward, backward, clipping and the update of one batch (not applied when it would diverge). */
    private Step step(List<EncodedExample> batchRows, TrainingObjective.Batching batching, double lr, Progress p,
            AdamW optimizer) {
        try (NDManager scope = model.manager().newSubManager()) {
            double lossScale = p.scaler.scale();
            TrainingObjective.StepLoss stepLoss = objective.backward(model, batchRows, batching, lossScale, scope);
            List<NDArray> gradients = GradientClipping.gradients(optimizer.parameters().values(), scope);
            double norm = GradientClipping.globalNorm(gradients) / lossScale;
            boolean finiteLoss = Double.isFinite(stepLoss.crossEntropy() + stepLoss.penalty());
            LossScaler.Outcome outcome = p.scaler.update(Double.isFinite(norm));
            if (!finiteLoss || outcome == LossScaler.Outcome.DIVERGED) {
                return new Step(stepLoss, norm, true);
            }
            if (outcome == LossScaler.Outcome.SKIP) {
                optimizer.zeroGradients(); // fp16 overflow: the scale is lowered, the batch is spent
            } else {
                double clip = GradientClipping.coefficient(norm, options.maxGradNorm());
                optimizer.step(gradients, lr, clip / lossScale, batching.halves() ? BatchHalves.shared() : null);
            }
            return new Step(stepLoss, norm, false);
        }
    }

    private TrainingResult finish(Progress p, String reason, Double exactMatch, AdamW optimizer,
            CheckpointSink checkpoints) {
        checkpoints.save(model, optimizer, p.toState(TrainingResult.STOPPED.equals(reason) ? null : reason));
        return new TrainingResult(p.step, p.epoch, p.lastLoss, reason, p.seconds,
                p.seconds > 0 ? p.tokens / p.seconds : 0, exactMatch);
    }

    private static String capReason(StoppingRule rule) {
        if (rule instanceof StoppingRule.FixedEpochs) {
            return TrainingResult.FIXED_EPOCHS;
        }
        return rule instanceof StoppingRule.Memorized ? TrainingResult.NOT_MEMORIZED : TrainingResult.EPOCH_CAP;
    }

    /** Released-code loss: every row padded to the stage's longest row, padding scored; halves on a CPU. */
    private TrainingObjective.Batching batching(List<EncodedExample> rows) {
        boolean scorePadding = options.lossPositions() == TrainingOptions.LossPositions.ANSWER_AND_PADDING;
        int padTo = scorePadding ? rows.stream().mapToInt(EncodedExample::length).max().orElse(0) : 0;
        return new TrainingObjective.Batching(padId, options.microBatchSize(), padTo, scorePadding,
                BatchHalves.worthwhile(model));
    }

    private List<EncodedExample> batch(List<EncodedExample> rows, int[] order, int batchIndex) {
        int from = batchIndex * options.batchSize();
        int to = Math.min(rows.size(), from + options.batchSize());
        List<EncodedExample> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(rows.get(order[i]));
        }
        return batch;
    }

    /** The mutable side of {@link TrainingState}. */
    private static final class Progress {
        final SeededRandom random;
        final long planned;
        long step;
        int epoch;
        int nextBatch;
        int[] order;
        int lossBelowThreshold;
        double lastLoss = Double.NaN;
        double seconds;
        long tokens;
        LossScaler scaler = LossScaler.disabled();

        private Progress(SeededRandom random, long planned) {
            this.random = random;
            this.planned = planned;
        }

        static Progress fresh(long seed, long planned) {
            return new Progress(new SeededRandom(seed), planned);
        }

        static Progress of(TrainingState s) {
            Progress p = new Progress(new SeededRandom(0), s.plannedSteps());
            p.random.restore(s.randomState());
            p.step = s.step();
            p.epoch = s.epoch();
            p.nextBatch = s.nextBatch();
            p.order = s.order();
            p.lossBelowThreshold = s.lossBelowThreshold();
            p.lastLoss = s.lastLoss();
            p.seconds = s.seconds();
            p.tokens = s.tokens();
            return p;
        }

        void startEpoch(int rows) {
            order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            random.shuffle(order);
        }

        void afterStep(double loss, long stepTokens, double stepSeconds) {
            step++;
            nextBatch++;
            lastLoss = loss;
            tokens += stepTokens;
            seconds += stepSeconds;
        }

        void endEpoch() {
            epoch++;
            nextBatch = 0;
        }

        TrainingState toState(String stopReason) {
            return new TrainingState(step, epoch, nextBatch, order, random.state(), lossBelowThreshold, planned,
                    lastLoss, seconds, tokens, stopReason, scaler.state());
        }
    }
}
