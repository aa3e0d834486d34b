package ai.mnemo.data.service;

import ai.mnemo.data.catalogue.DefaultMetrics;
import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.placement.JobPlacement;
import ai.mnemo.data.plan.PlanStore;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.data.preparation.DatasetSupport;
import ai.mnemo.data.preparation.DatasetUnavailableException;
import ai.mnemo.data.preparation.SourceLoader;
import ai.mnemo.data.preparation.StagePreparer;
import ai.mnemo.data.probe.ProbeCompletion;
import ai.mnemo.data.probe.ProbeKey;
import ai.mnemo.data.probe.ProbeRequest;
import ai.mnemo.data.probe.ProbeStore;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.datasets.source.SourcePool;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The known-fact filter, from data-service's side. When an experiment is planned, each run's exports are read (a
 * missing file or column fails the run at once); every pool a run filters gets one ProbeJob per experiment and base
 * model (candidates = the whole export, in file order), and the run waits. When a probe's ProbeCompleted arrives, its
 * verdict is recorded and every run whose probes have all reported begins (stage 0). A failed probe fails the runs
 * that wait for it. The state lives in the artifact store ({@link ProbeStore}), so a restart loses nothing.
 */
@ApplicationScoped
public class ProbeCoordinator {

    private static final Logger LOG = Logger.getLogger(ProbeCoordinator.class);

    private final JobPlacement jobs;
    private final ArtifactStore store;
    private final PlanStore plans;
    private final StagePreparer preparer;
    private final SourceLoader sources;
    private final ProbeStore probes;
    private final RunConductor conductor;
    private final DataConfig config;
    private final DataMetrics metrics;

    public ProbeCoordinator(JobPlacement jobs, ArtifactStore store, PlanStore plans, StagePreparer preparer,
            SourceLoader sources, ProbeStore probes, RunConductor conductor, DataConfig config, DataMetrics metrics) {
        this.jobs = jobs;
        this.store = store;
        this.plans = plans;
        this.preparer = preparer;
        this.sources = sources;
        this.probes = probes;
        this.conductor = conductor;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts the planned runs of one experiment: at once when they filter nothing, after their probes otherwise. */
    public void start(List<RunPlan> runs) {
        Map<ProbeKey, List<RunPlan>> waiting = new LinkedHashMap<>();
        for (RunPlan run : runs) {
            try {
                preparer.checkSources(run);
            } catch (DatasetUnavailableException e) {
                conductor.datasetFailed(run, e);
                continue;
            }
            List<ProbeKey> keys = keys(run);
            if (keys.isEmpty()) {
                conductor.begin(run);
            }
            keys.forEach(key -> waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(run));
        }
        waiting.forEach(this::request);
    }

    /** Whether every probe the run needs was asked for already (a repeated request then changes nothing). */
    public boolean requested(RunPlan run) {
        List<ProbeKey> keys = keys(run);
        return !keys.isEmpty() && keys.stream().allMatch(k -> probes.published(k.probeId(run.experimentId(), run.model())));
    }

    /** Records a verdict and begins every waiting run whose probes have all reported. */
    public void onProbeCompleted(ProbeCompleted event) {
        Optional<ProbeRequest> found = probes.request(event.probeId());
        if (found.isEmpty()) {
            LOG.debugf("ignoring ProbeCompleted %s, which data-service did not ask for", event.probeId());
            return;
        }
        ProbeRequest request = found.get();
        if (probes.completion(event.probeId()).isEmpty()) {
            Optional<String> problem = check(request, event);
            if (problem.isPresent()) {
                failWaiting(request, problem.get());
                return;
            }
            Path result = store.path(event.resultUri());
            probes.complete(event.probeId(), new ProbeCompletion(event.candidates(), event.known(), event.unknown(),
                    event.resultUri(), Sha256.of(result)));
            metrics.probe("completed");
            LOG.infof("probe %s on %s: %d of %d candidates known to the base model, %d unknown", event.probeId(),
                    request.key().describe(), event.known(), event.candidates(), event.unknown());
        }
        for (String runId : request.runIds()) {
            plans.find(runId).filter(this::allReported).ifPresent(plan -> {
                if (!conductor.hasBegun(plan.runId())) {
                    conductor.begin(plan);
                }
            });
        }
    }

    /** A probe failed: every run that waits for it fails, saying so. */
    public void onProbeFailed(EvalFailed event) {
        Optional<ProbeRequest> found = probes.request(event.probeId());
        if (found.isEmpty()) {
            return;
        }
        metrics.probe("failed");
        failWaiting(found.get(), "the known-fact filter failed in eval-service: " + event.reason());
    }

    private void request(ProbeKey key, List<RunPlan> runs) {
        RunPlan first = runs.get(0);
        String probeId = key.probeId(first.experimentId(), first.model());
        if (probes.published(probeId)) {
            LOG.infof("probe %s on %s was requested already", probeId, key.describe());
            runs.stream().filter(this::allReported).filter(r -> !conductor.hasBegun(r.runId()))
                    .forEach(conductor::begin);
            return;
        }
        StagePlan stage = firstStage(first, key);
        SourcePool pool;
        try {
            pool = sources.pool(stage.index(), stage);
        } catch (DatasetUnavailableException e) {
            runs.forEach(run -> conductor.datasetFailed(run, e));
            return;
        }
        int fewShot = config.probe().fewShot();
        if (pool.size() <= fewShot) {
            DatasetUnavailableException tooSmall = new DatasetUnavailableException(stage.index(),
                    "stages[" + stage.index() + "].dataset.path", key.describe() + " has " + pool.size()
                    + " facts; the known-fact filter uses the first " + fewShot + " as its examples and needs more"
                    + " to probe: give a larger export");
            runs.forEach(run -> conductor.datasetFailed(run, tooSmall));
            return;
        }
        probes.writeCandidates(probeId, pool.facts());
        ProbeRequest request = new ProbeRequest(first.experimentId(), probeId, key.dataset(), key.path(),
                pool.sha256(), first.model(), fewShot, config.probe().maxNewTokens(), metric(stage), pool.size(),
                runs.stream().map(RunPlan::runId).toList());
        probes.writeRequest(request);
        jobs.publish(ProbeJob.of(request.experimentId(), probeId, request.model(),
                store.uri(probes.candidates(probeId)), fewShot, request.maxNewTokens(), request.metric(),
                store.uri(probes.result(probeId))));
        probes.markPublished(probeId);
        metrics.probe("requested");
        LOG.infof("probe %s: %d candidates of %s sent to the evaluators; %d runs wait for it", probeId, pool.size(),
                key.describe(), runs.size());
    }

    /** The filter judges open answers: the stage's metric, or the dataset's own when that is choice-letter. */
    private static String metric(StagePlan stage) {
        return DefaultMetrics.CHOICE_LETTER.equals(stage.metric())
                ? DefaultMetrics.of(stage.dataset().name(), SpecVocabulary.QA) : stage.metric();
    }

    private Optional<String> check(ProbeRequest request, ProbeCompleted event) {
        Path result;
        try {
            result = store.path(event.resultUri());
        } catch (IllegalArgumentException e) {
            return Optional.of("its result " + event.resultUri() + " cannot be used: " + e.getMessage());
        }
        if (!Files.isRegularFile(result)) {
            return Optional.of("its result file " + result + " does not exist");
        }
        List<ProbeResult> results;
        try {
            results = ProbeFiles.readResults(result);
        } catch (RuntimeException e) {
            return Optional.of("its result file is unreadable: " + e.getMessage());
        }
        long known = results.stream().filter(ProbeResult::known).count();
        if (results.size() != event.candidates() || known != event.known()
                || event.known() + event.unknown() != event.candidates()
                || results.size() != request.candidates() - request.fewShot()) {
            return Optional.of("its counts (" + event.candidates() + " probed, " + event.known() + " known, "
                    + event.unknown() + " unknown) do not match its result file (" + results.size() + " lines, " + known
                    + " known) or the " + (request.candidates() - request.fewShot()) + " candidates asked for");
        }
        return Optional.empty();
    }

    private void failWaiting(ProbeRequest request, String reason) {
        for (String runId : request.runIds()) {
            plans.find(runId).ifPresent(plan -> {
                StagePlan stage = firstStage(plan, request.key());
                conductor.datasetFailed(plan, new DatasetUnavailableException(stage.index(),
                        "stages[" + stage.index() + "].dataset.filter", "the known-fact filter on "
                        + request.key().describe() + " (probe " + request.probeId() + ") did not give a verdict: "
                        + reason + "; fix the cause and re-submit, or set filter: false to skip the filter"));
            });
        }
    }

    private boolean allReported(RunPlan run) {
        return keys(run).stream().allMatch(k -> probes.completion(k.probeId(run.experimentId(), run.model())).isPresent());
    }

    /** The pools the run filters, in stage order, each once. */
    static List<ProbeKey> keys(RunPlan run) {
        List<ProbeKey> keys = new ArrayList<>();
        for (StagePlan stage : run.stages()) {
            if (DatasetSupport.filtered(stage) && !keys.contains(ProbeKey.of(stage))) {
                keys.add(ProbeKey.of(stage));
            }
        }
        return keys;
    }

    private static StagePlan firstStage(RunPlan run, ProbeKey key) {
        return run.stages().stream().filter(s -> DatasetSupport.filtered(s) && ProbeKey.of(s).equals(key)).findFirst()
                .orElse(run.stage(0));
    }
}
