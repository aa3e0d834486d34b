package ai.mnemo.eval.service;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.eval.config.EvalConfig;
import ai.mnemo.eval.metrics.EvalMetrics;
import ai.mnemo.eval.scoring.ProbeScorer;
import ai.mnemo.eval.scoring.TextGeneration;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.lm.checkpoint.BaseModels;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the known-fact filter for one pool: loads the base model, asks it every candidate after the few-shot
 * demonstrations (greedy, at most {@code maxNewTokens} tokens, plain text), judges the first line of each answer with
 * the job's metric, writes one verdict per probed candidate to {@code outputUri} and answers with ProbeCompleted
 * (candidates probed, known, unknown). Nothing escapes: a bad job becomes EvalFailed with the probe's id and a reason
 * naming the field or file. Running the same job twice rewrites the same file (greedy decoding is deterministic).
 */
@ApplicationScoped
public class ProbeJobService {

    private static final Logger LOG = Logger.getLogger(ProbeJobService.class);

    private final ArtifactStore store;
    private final EvalConfig config;
    private final EvalMetrics metrics;

    public ProbeJobService(ArtifactStore store, EvalConfig config, EvalMetrics metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    /** The event that answers the job: {@link ProbeCompleted} or {@link EvalFailed}. */
    public EvalEvent probe(ProbeJob job) {
        long started = System.nanoTime();
        String what = "ProbeJob " + job.probeId() + " of experiment " + job.experimentId();
        try {
            ProbePlan plan = ProbePlan.resolve(job, store);
            TorchRuntime.start(config.threads());
            Path model = baseModel(job);
            List<ProbeResult> results = run(plan, model, what);
            ProbeFiles.writeResults(plan.output(), results);
            int known = (int) results.stream().filter(ProbeResult::known).count();
            metrics.probeFinished("completed", Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("%s: %d of %d candidates known by %s (%d demonstrations, %.1f s)", what, known, results.size(),
                    plan.metric().wireName(), plan.fewShot(), (System.nanoTime() - started) / 1e9);
            return ProbeCompleted.of(job.experimentId(), job.probeId(), results.size(), known, results.size() - known,
                    store.uri(plan.output()));
        } catch (InvalidProbeJobException e) {
            LOG.warnf("%s failed: %s", what, e.getMessage());
            return failed(job, started, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s failed unexpectedly", what);
            return failed(job, started, "probing failed: " + e);
        }
    }

    private List<ProbeResult> run(ProbePlan plan, Path model, String what) {
        try (NDManager root = TorchRuntime.newManager(); HfCheckpoint.Loaded loaded = load(model, root)) {
            TextGeneration generation = new TextGeneration(loaded, config.batchSize());
            try {
                return ProbeScorer.score(plan.candidates(), plan.fewShot(), plan.metric(), generation,
                        plan.maxNewTokens());
            } catch (IllegalArgumentException e) {
                throw new InvalidProbeJobException("candidatesUri: " + e.getMessage() + "; lower data-service's"
                        + " mnemo.data.probe.few-shot, or set filter: false for this dataset", e);
            }
        }
    }

    private static HfCheckpoint.Loaded load(Path model, NDManager root) {
        try {
            return HfCheckpoint.load(model, root);
        } catch (RuntimeException e) {
            throw new InvalidProbeJobException("model: cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    private EvalFailed failed(ProbeJob job, long started, String reason) {
        metrics.probeFinished("failed", Duration.ofNanos(System.nanoTime() - started));
        return EvalFailed.ofProbe(job.experimentId(), job.probeId(), reason);
    }

    /** The probe's base model; a reference to nothing loadable makes the job invalid. */
    private Path baseModel(ProbeJob job) {
        try {
            return new BaseModels(store).resolve(job.model());
        } catch (BaseModels.BaseModelException e) {
            throw new InvalidProbeJobException(e.getMessage(), e);
        }
    }
}
