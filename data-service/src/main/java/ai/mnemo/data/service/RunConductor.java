package ai.mnemo.data.service;

import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.placement.JobPlacement;
import ai.mnemo.data.placement.RunAdmission;
import ai.mnemo.data.plan.PlanStore;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.data.preparation.DatasetUnavailableException;
import ai.mnemo.data.preparation.PreparedDataset;
import ai.mnemo.data.preparation.StagePreparer;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Conducts each run from its plan: starts a stage (prepare its rows, publish DatasetPrepared and the TrainingJob),
 * turns a StageCompleted into the stage's EvalJob and the next stage, applies the {@code memorized} gate when the
 * evaluation comes back, and ends the run with RunCompleted or RunFailed. Events of runs without a plan here are
 * not ours and are ignored, and so are those of cancelled experiments: nothing more is published for them.
 */
@ApplicationScoped
public class RunConductor {

    private static final Logger LOG = Logger.getLogger(RunConductor.class);
    /** A job's first attempt; retries are not planned by this version. */
    static final int FIRST_ATTEMPT = 1;

    private final EventPublisher publisher;
    private final ArtifactStore store;
    private final PlanStore plans;
    private final StagePreparer preparer;
    private final DataMetrics metrics;
    private final RunOutcomes outcomes;
    private final CancelledExperiments cancelled;
    private final JobPlacement jobs;
    private final RunAdmission admission;

    public RunConductor(EventPublisher publisher, ArtifactStore store, PlanStore plans, StagePreparer preparer,
            DataMetrics metrics, RunOutcomes outcomes, CancelledExperiments cancelled, JobPlacement jobs,
            RunAdmission admission) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.admission = admission;
        this.store = store;
        this.plans = plans;
        this.preparer = preparer;
        this.metrics = metrics;
        this.outcomes = outcomes;
        this.cancelled = cancelled;
    }

    /**
     * Starts a planned run from its base model once its probes (if any) have reported, unless a stage cannot be
     * prepared: a field the plan cannot serve, an unreadable export, too few usable facts or passages. Then the run
     * fails before anything trains.
     */
    public void begin(RunPlan plan) {
        try {
            preparer.checkAvailable(plan);
        } catch (DatasetUnavailableException e) {
            datasetFailed(plan, e);
            return;
        }
        if (admission.admitNow(plan.runId(), plan.experimentId())) {
            startStage(plan, 0, plan.model());
        } else {
            LOG.infof("run %s (%s) waits for an idle trainer (%d waiting)", plan.runId(), plan.label(),
                    admission.waiting());
        }
    }

    /** Starts the runs that wait for an idle trainer, as long as one is idle (admission when-idle). */
    public void startWaiting() {
        for (Optional<String> next = admission.next(); next.isPresent(); next = admission.next()) {
            String runId = next.get();
            // Gone or cancelled meanwhile: startStage skips it, and its mark goes all the same.
            plans.find(runId).ifPresent(plan -> startStage(plan, 0, plan.model()));
            admission.started(runId);
        }
    }

    /**
     * Prepares stage {@code i}'s rows and publishes DatasetPrepared and its TrainingJob, once: a stage whose
     * manifest exists was started already (a redelivered event), and is left alone.
     */
    synchronized void startStage(RunPlan plan, int i, ModelRef model) {
        if (isCancelled(plan)) {
            return;
        }
        if (preparer.isStarted(plan.runId(), i)) {
            LOG.infof("run %s stage %d was started already; not starting it again", plan.runId(), i);
            return;
        }
        PreparedDataset prepared;
        try {
            prepared = metrics.timePreparation(() -> preparer.prepare(plan, i));
        } catch (DatasetUnavailableException e) {
            datasetFailed(plan, e);
            return;
        } catch (RuntimeException e) {
            LOG.errorf(e, "preparing run %s stage %d failed", plan.runId(), i);
            datasetFailed(plan, new DatasetUnavailableException(i, null, "preparing the rows failed: " + e
                    + "; check that the artifact root " + store.root() + " is writable and has space", e));
            return;
        }
        ArtifactLayout.Stage stage = store.run(plan.runId()).stage(i);
        StagePlan stagePlan = plan.stage(i);
        publisher.publish(DatasetPrepared.of(plan.experimentId(), plan.runId(), i, prepared.dataset(), prepared.uri(),
                prepared.manifest()));
        jobs.publish(TrainingJob.of(plan.experimentId(), plan.runId(), i, FIRST_ATTEMPT, model, prepared.uri(),
                store.uri(stage.checkpoint()), stagePlan.training()));
        preparer.writeManifest(plan.runId(), prepared);
        LOG.infof("run %s (%s) stage %d: %d rows prepared, training job published", plan.runId(), plan.label(), i,
                prepared.manifest().counts().total());
    }

    /** Starts the next stage unless the stage is gated or last, and evaluates its checkpoint on every dataset so far. */
    public void onStageCompleted(StageCompleted event) {
        Optional<RunPlan> found = planOf(event.runId(), event.stageIndex());
        if (found.isEmpty()) {
            return;
        }
        RunPlan plan = found.get();
        int i = event.stageIndex();
        // The next stage first: the trainer that just finished is idle now, and placing the evaluation may wait a
        // moment for a busy evaluator.
        if (!plan.stage(i).memorizedGate() && !plan.isLast(i)) {
            startStage(plan, i + 1, ModelRef.uri(event.checkpointUri()));
        }
        jobs.publish(evalJob(plan, i, event.checkpointUri()));
    }

    /** Applies the stage's gate; ends the run after its last stage's evaluation. */
    public void onEvalCompleted(EvalCompleted event) {
        Optional<RunPlan> found = planOf(event.runId(), event.stageIndex());
        if (found.isEmpty()) {
            return;
        }
        RunPlan plan = found.get();
        int i = event.stageIndex();
        StagePlan stage = plan.stage(i);
        if (stage.memorizedGate()) {
            Optional<String> refusal = gateRefusal(i, event.results());
            if (refusal.isPresent()) {
                fail(plan, i, refusal.get());
                return;
            }
        }
        if (plan.isLast(i)) {
            publisher.publish(RunCompleted.of(plan.experimentId(), plan.runId(), plan.stages().size()));
            metrics.runCompleted();
            LOG.infof("run %s (%s) completed", plan.runId(), plan.label());
        } else if (stage.memorizedGate()) {
            startStage(plan, i + 1, ModelRef.uri(event.checkpointUri()));
        }
    }

    public void onTrainingFailed(TrainingFailed event) {
        planOf(event.runId(), event.stageIndex()).ifPresent(plan -> fail(plan, event.stageIndex(),
                "training of stage " + event.stageIndex() + " failed (attempt " + event.attempt() + "): "
                        + event.reason()));
    }

    public void onEvalFailed(EvalFailed event) {
        if (event.runId() == null) {
            return; // a probe's failure: ProbeCoordinator ends the runs that wait for it
        }
        Integer i = event.stageIndex();
        plans.find(event.runId()).ifPresent(plan -> fail(plan, i,
                "evaluation of stage " + (i == null ? "?" : i) + " failed: " + event.reason()));
    }

    /** A handler broke on one of the run's events: end the run rather than leave it waiting forever. */
    public void onUnexpected(String runId, Integer stageIndex, String eventType, RuntimeException error) {
        LOG.errorf(error, "handling %s of run %s failed", eventType, runId);
        if (runId == null) {
            return;
        }
        try {
            plans.find(runId).ifPresent(plan -> fail(plan, stageIndex, "data-service could not handle " + eventType
                    + ": " + error + "; see data-service's log and re-submit the experiment"));
        } catch (RuntimeException again) {
            LOG.errorf(again, "could not report the failure of run %s", runId);
        }
    }

    private Optional<RunPlan> planOf(String runId, int stageIndex) {
        Optional<RunPlan> plan = plans.find(runId);
        if (plan.isEmpty()) {
            LOG.debugf("ignoring an event of run %s, which data-service did not plan", runId);
            return plan;
        }
        if (isCancelled(plan.get())) {
            return Optional.empty();
        }
        if (!plan.get().hasStage(stageIndex)) {
            LOG.warnf("ignoring an event of run %s for stage %d, which the run does not have", runId, stageIndex);
            return Optional.empty();
        }
        return plan;
    }

    private EvalJob evalJob(RunPlan plan, int i, String checkpointUri) {
        ArtifactLayout.Run run = store.run(plan.runId());
        List<EvalTarget> targets = new ArrayList<>();
        for (int j = 0; j <= i; j++) {
            StagePlan seen = plan.stage(j);
            targets.add(new EvalTarget(j, seen.label(), store.uri(run.stage(j).dataset()), seen.metric(),
                    seen.maxNewTokens()));
        }
        // The checkpoint is evaluated in the precision it was trained in, not always FP32.
        return EvalJob.of(plan.experimentId(), plan.runId(), i, checkpointUri, targets,
                store.uri(run.stage(i).predictions()), plan.stage(i).training().precision());
    }

    /** Why the memorized gate stays shut, or empty when stage i scored 100% on its own facts. */
    static Optional<String> gateRefusal(int i, List<EvalResult> results) {
        Optional<EvalResult> own = results.stream().filter(r -> r.datasetStageIndex() == i).findFirst();
        if (own.isEmpty()) {
            return Optional.of("the evaluation of stage " + i + " has no result on stage " + i
                    + "'s own facts, which the memorized gate needs; check eval-service's EvalJob handling");
        }
        if (own.get().accuracy() >= 1.0) {
            return Optional.empty();
        }
        String percent = BigDecimal.valueOf(own.get().accuracy() * 100).setScale(1, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString();
        return Optional.of("stage " + i + " reached " + percent + "% " + own.get().metric().replace('-', ' ')
                + " on its own facts; the memorized gate needs 100%: train longer (stopping.epochs) or raise the"
                + " learning rate");
    }

    /** DatasetFailed for the stage, then RunFailed: the run cannot go on without that stage's data. */
    void datasetFailed(RunPlan plan, DatasetUnavailableException e) {
        if (isCancelled(plan)) {
            return;
        }
        if (outcomes.failed(plan.runId())) {
            LOG.infof("run %s failed already; not reporting %s", plan.runId(), e.describe());
            return;
        }
        int i = e.stageIndex();
        publisher.publish(DatasetFailed.of(plan.experimentId(), plan.runId(), i, plan.stage(i).label(), e.getMessage(),
                e.field()));
        fail(plan, i, "the dataset of stage " + i + " could not be prepared: " + e.describe());
    }

    private void fail(RunPlan plan, Integer stageIndex, String reason) {
        if (isCancelled(plan)) {
            return;
        }
        if (outcomes.failed(plan.runId())) {
            LOG.infof("run %s failed already; not failing it again (%s)", plan.runId(), reason);
            return;
        }
        publisher.publish(RunFailed.of(plan.experimentId(), plan.runId(), stageIndex, reason));
        outcomes.markFailed(plan.runId(), reason);
        metrics.runFailed();
        LOG.infof("run %s (%s) failed: %s", plan.runId(), plan.label(), reason);
    }

    private boolean isCancelled(RunPlan plan) {
        if (cancelled.contains(plan.experimentId())) {
            LOG.debugf("run %s belongs to cancelled experiment %s: nothing more is done for it", plan.runId(),
                    plan.experimentId());
            return true;
        }
        return false;
    }
}
