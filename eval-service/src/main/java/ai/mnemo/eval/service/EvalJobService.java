package ai.mnemo.eval.service;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.eval.config.EvalConfig;
import ai.mnemo.eval.metrics.EvalMetrics;
import ai.mnemo.eval.scoring.Generation;
import ai.mnemo.eval.scoring.GoldAnswers;
import ai.mnemo.eval.scoring.ModelGeneration;
import ai.mnemo.eval.scoring.PredictionsFile;
import ai.mnemo.eval.scoring.TargetScore;
import ai.mnemo.eval.scoring.TargetScorer;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.device.CostClock;
import ai.mnemo.service.device.DeviceCheck;
import ai.mnemo.service.device.EngineDevice;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Evaluates one checkpoint on every target of an EvalJob: greedy answers for every fact, the target's metric and
 * ROUGE-L, every prediction written to its file, one {@link EvalResult} per target. Nothing escapes: a bad job
 * becomes an {@link EvalFailed} whose reason names the field or file at fault. The model lives only for the job.
 * A job delivered again is not evaluated again: its first answer is re-announced ({@link EvaluationRecord}).
 */
@Startup // checks the configuration at boot, not at the first job
@ApplicationScoped
public class EvalJobService {

    private static final Logger LOG = Logger.getLogger(EvalJobService.class);

    private final ArtifactStore store;
    private final EvalConfig config;
    private final EvalMetrics metrics;
    private final DeviceCheck devices;

    public EvalJobService(ArtifactStore store, EvalConfig config, EvalMetrics metrics, DeviceCheck devices) {
        if (config.batchSize() < 1) {
            throw new IllegalStateException("mnemo.eval.batch-size must be at least 1, was " + config.batchSize());
        }
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.devices = devices;
    }

    /** libtorch starts at boot, not at the first job, so that a GPU pod without a GPU refuses to start. */
    void onStart(@Observes StartupEvent event) {
        devices.verify(EngineDevice.report(TorchRuntime.start(config.threads())));
    }

    /** The event that answers the job: {@link EvalCompleted} or {@link EvalFailed}. */
    public EvalEvent evaluate(EvalJob job) {
        long started = System.nanoTime();
        Optional<CostClock> cost = devices.costClock();
        String what = "EvalJob of run " + job.runId() + " stage " + job.stageIndex();
        try {
            EvalPlan plan = EvalPlan.resolve(job, store);
            Optional<EvalCompleted> earlier = EvaluationRecord.earlier(plan.outputDir(), job);
            if (earlier.isPresent()) {
                LOG.infof("%s was evaluated already; announcing that result again", what);
                return earlier.get();
            }
            DataType dtype = EvalPrecision.computeDtype(job.precision());
            List<EvalResult> results = run(plan, dtype, what);
            double seconds = seconds(started);
            metrics.jobFinished("completed", Duration.ofNanos(System.nanoTime() - started));
            EvalCompleted completed = EvalCompleted.of(job.experimentId(), job.runId(), job.stageIndex(),
                    job.checkpointUri(), results, seconds);
            EvalCompleted answer = cost.map(clock -> completed.withCost(clock.stop())).orElse(completed);
            EvaluationRecord.write(plan.outputDir(), answer);
            return answer;
        } catch (InvalidEvalJobException e) {
            LOG.warnf("%s failed: %s", what, e.getMessage());
            return failed(job, started, e.getMessage());
        } catch (RuntimeException | Error e) {
            // Errors too: a model too large for the heap or a broken native library must fail this job with a
            // reason, not kill the channel and leave the instance idle.
            LOG.errorf(e, "%s failed unexpectedly", what);
            return failed(job, started, "evaluation failed: " + e);
        }
    }

    private List<EvalResult> run(EvalPlan plan, DataType dtype, String what) {
        TorchRuntime.start(config.threads());
        try (NDManager root = TorchRuntime.newManager(); HfCheckpoint.Loaded loaded = load(plan, root, dtype)) {
            Generation generation = new ModelGeneration(loaded, config.batchSize());
            GoldAnswers gold = new GoldAnswers(loaded, config.batchSize());
            long started = System.nanoTime();
            List<EvalResult> results = new ArrayList<>();
            for (PlannedTarget target : plan.targets()) {
                results.add(evaluate(target, generation, gold));
            }
            double seconds = seconds(started);
            double factsPerSecond = plan.facts() / Math.max(seconds, 1e-9);
            metrics.factsPerSecond(factsPerSecond);
            LOG.infof("%s: %d facts over %d targets in %.2f s (%.1f facts/s, batch %d, %d threads, %s)", what,
                    plan.facts(), plan.targets().size(), seconds, factsPerSecond, config.batchSize(),
                    TorchRuntime.threads(), dtype);
            return results;
        }
    }

    private static HfCheckpoint.Loaded load(EvalPlan plan, NDManager root, DataType dtype) {
        try {
            return ModelDirectory.load(plan.checkpoint(), root, dtype);
        } catch (RuntimeException e) {
            throw new InvalidEvalJobException("checkpointUri: cannot load " + plan.checkpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    private EvalResult evaluate(PlannedTarget planned, Generation generation, GoldAnswers gold) {
        TargetScore score;
        try {
            int cap = planned.target().maxNewTokens() == EvalTarget.FIT_GOLD_ANSWERS ? gold.fittedCap(planned.facts())
                    : planned.target().maxNewTokens();
            score = TargetScorer.score(planned.facts(), planned.metric(), generation, cap,
                    gold.readings(planned.facts()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalJobException(planned.field() + " (" + planned.target().dataset() + "): "
                    + e.getMessage(), e);
        }
        PredictionsFile.write(planned.predictions(), score.predictions());
        metrics.accuracy(planned.metric().wireName(), score.accuracy());
        LOG.infof("%s %s: %d/%d correct by %s (%.3f), ROUGE-L %.3f, gold log p %.3f, token accuracy %.3f",
                planned.field(), planned.target().dataset(), score.correct(), score.count(),
                planned.metric().wireName(), score.accuracy(), score.meanRougeL(), score.meanLogProb(),
                score.tokenAccuracy());
        return new EvalResult(planned.target().datasetStageIndex(), planned.target().dataset(),
                planned.metric().wireName(), score.count(), score.correct(), score.accuracy(), score.meanRougeL(),
                store.uri(planned.predictions()), score.meanLogProb(), score.tokenAccuracy(), score.logitLens());
    }

    private EvalFailed failed(EvalJob job, long started, String reason) {
        metrics.jobFinished("failed", Duration.ofNanos(System.nanoTime() - started));
        return EvalFailed.ofRun(job.experimentId(), job.runId(), job.stageIndex(), reason);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
