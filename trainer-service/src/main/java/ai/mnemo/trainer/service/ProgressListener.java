package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.StageMethod;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.lm.train.TrainingListener;
import ai.mnemo.trainer.metrics.TrainerMetrics;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Watches one job's training loop: a TrainingProgress every {@code everySteps} steps and at every epoch end, but
 * never sooner than {@code minInterval} after the last one; the step metrics; and the shutdown request that makes
 * the loop stop with a resumable checkpoint.
 */
final class ProgressListener implements TrainingListener {

    private final TrainingJob job;
    private final TrainingEventSink events;
    private final TrainerMetrics metrics;
    private final int everySteps;
    private final long minIntervalNanos;
    private long lastSent = Long.MIN_VALUE;
    private final long started = System.nanoTime();
    private long tokens;
    private final BooleanSupplier stop;
    private long lastMark = System.nanoTime();
    private double lastLearningRate;
    private final boolean penalized;

    ProgressListener(TrainingJob job, TrainingEventSink events, TrainerMetrics metrics, int everySteps,
            Duration minInterval, BooleanSupplier stop) {
        this.minIntervalNanos = minInterval.toNanos();
        this.job = job;
        StageMethod method = job.settings().method();
        this.penalized = method != null && (method.kl() != null || method.ewc() != null);
        this.events = events;
        this.metrics = metrics;
        this.everySteps = everySteps;
        this.stop = stop;
    }

    @Override
    public void onStep(StepReport report) {
        long now = System.nanoTime();
        metrics.step((now - lastMark) / 1e9, report.loss(), report.tokensPerSecond());
        tokens += report.tokens();
        metrics.jobThroughput(jobTokensPerSecond());
        lastMark = now;
        lastLearningRate = report.learningRate();
        if (everySteps > 0 && report.step() % everySteps == 0 && due(now)) {
            // StepReport counts epochs from 0 while the step's epoch is running; the event counts from 1.
            events.send(progress(report.step(), report.epoch() + 1, report.loss(), report.tokensPerSecond(), null,
                    report.penalty()));
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        if (due(System.nanoTime())) {
            // EpochReport.epoch() is the number of epochs finished, i.e. the 1-based epoch that just ended.
            events.send(progress(report.step(), report.epoch(), report.meanLoss(), report.tokensPerSecond(),
                    report.exactMatch(), report.meanPenalty()));
        }
        lastMark = System.nanoTime(); // the probe's time is not a step's
    }

    /** Tokens trained by this attempt over its wall time so far: steps, checks, events and checkpoints. */
    double jobTokensPerSecond() {
        return tokens / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    }

    /** Whether an event may go now; if so, counts it as sent. */
    private boolean due(long now) {
        if (lastSent != Long.MIN_VALUE && now - lastSent < minIntervalNanos) {
            return false;
        }
        lastSent = now;
        return true;
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** The penalty is reported for stages that have penalty terms only. */
    private TrainingProgress progress(long step, int epoch, double loss, double tokensPerSecond, Double exactMatch,
            double penalty) {
        return TrainingProgress.of(job.experimentId(), job.runId(), job.stageIndex(), step, epoch, loss,
                lastLearningRate, tokensPerSecond, exactMatch, penalized ? penalty : null);
    }
}
