package ai.mnemo.data.service;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.placement.JobPlacement;
import ai.mnemo.data.placement.RunAdmission;
import ai.mnemo.data.plan.PlanStore;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.data.preparation.DatasetUnavailableException;
import ai.mnemo.data.preparation.PreparedDataset;
import ai.mnemo.data.preparation.StagePreparer;
import ai.mnemo.data.run.RunCommand;
import ai.mnemo.data.run.RunInput;
import ai.mnemo.data.run.RunMachine;
import ai.mnemo.data.run.RunPhase;
import ai.mnemo.data.run.RunShape;
import ai.mnemo.data.run.RunState;
import ai.mnemo.data.run.RunStates;
import ai.mnemo.data.run.StallLimits;
import ai.mnemo.data.run.Transition;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Carries out each run's state machine ({@link RunMachine}): under the run's lock it reads the state, applies the
 * input, publishes what the transition asks for (each publish waits for the broker's ack) and then saves the new
 * state. A crash after publishing and before saving publishes the same jobs again on redelivery; trainers and
 * results-service absorb that (a finished stage is re-announced, rows are upserted). Events of runs without a plan
 * here are ignored, and so is everything of a cancelled experiment: nothing more is published for it.
 */
@ApplicationScoped
public class RunConductor {

    private static final Logger LOG = Logger.getLogger(RunConductor.class);

    private final EventPublisher publisher;
    private final ArtifactStore store;
    private final PlanStore plans;
    private final RunStates states;
    private final StagePreparer preparer;
    private final DataMetrics metrics;
    private final CancelledExperiments cancelled;
    private final JobPlacement jobs;
    private final RunAdmission admission;
    private final StallLimits limits;
    private final Clock clock = Clock.systemUTC();

    public RunConductor(EventPublisher publisher, ArtifactStore store, PlanStore plans, RunStates states,
            StagePreparer preparer, DataMetrics metrics, CancelledExperiments cancelled, JobPlacement jobs,
            RunAdmission admission, DataConfig config) {
        this.publisher = publisher;
        this.store = store;
        this.plans = plans;
        this.states = states;
        this.preparer = preparer;
        this.metrics = metrics;
        this.cancelled = cancelled;
        this.jobs = jobs;
        this.admission = admission;
        DataConfig.Watchdog watchdog = config.watchdog();
        this.limits = new StallLimits(watchdog.trainingStall(), watchdog.evaluationStall(), watchdog.attempts(),
                watchdog.retryBackoff());
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
            handle(plan, new RunInput.Begin());
        } else {
            LOG.infof("run %s (%s) waits for an idle trainer (%d waiting)", plan.runId(), plan.label(),
                    admission.waiting());
        }
    }

    /** Starts the runs that wait for an idle trainer, as long as one is idle (admission when-idle). */
    public void startWaiting() {
        for (Optional<String> next = admission.next(); next.isPresent(); next = admission.next()) {
            String runId = next.get();
            // Gone or cancelled meanwhile: the machine skips it, and its mark goes all the same.
            plans.find(runId).ifPresent(plan -> handle(plan, new RunInput.Begin()));
            admission.started(runId);
        }
    }

    /** Whether the run left PLANNED: it began, or ended before it could. */
    public boolean hasBegun(String runId) {
        return states.find(runId).map(s -> s.phase() != RunPhase.PLANNED).orElse(false);
    }

    public void onTrainingStarted(TrainingStarted event) {
        handle(event.runId(), new RunInput.Started(event.stageIndex(), event.attempt()));
    }

    public void onTrainingProgress(TrainingProgress event) {
        handle(event.runId(), new RunInput.Progressed(event.stageIndex()));
    }

    public void onStageCompleted(StageCompleted event) {
        handle(event.runId(), new RunInput.Trained(event.stageIndex(), event.attempt(), event.checkpointUri()));
    }

    public void onEvalCompleted(EvalCompleted event) {
        handle(event.runId(), new RunInput.Evaluated(event.stageIndex(), event.results()));
    }

    public void onTrainingFailed(TrainingFailed event) {
        handle(event.runId(), new RunInput.Failed(event.stageIndex(), event.attempt(), "training of stage "
                + event.stageIndex() + " failed (attempt " + event.attempt() + "): " + event.reason(),
                event.mayRetry()));
    }

    public void onEvalFailed(EvalFailed event) {
        if (event.runId() == null) {
            return; // a probe's failure: ProbeCoordinator ends the runs that wait for it
        }
        Integer i = event.stageIndex();
        handle(event.runId(), new RunInput.Failed(i, null, "evaluation of stage " + (i == null ? "?" : i)
                + " failed: " + event.reason()));
    }

    /** The watchdog's look at one run. */
    public void tick(String runId) {
        handle(runId, new RunInput.Tick());
    }

    /** A handler broke on one of the run's events: end the run rather than leave it waiting forever. */
    public void onUnexpected(String runId, Integer stageIndex, String eventType, RuntimeException error) {
        LOG.errorf(error, "handling %s of run %s failed", eventType, runId);
        if (runId == null) {
            return;
        }
        try {
            handle(runId, new RunInput.Failed(stageIndex, null, "data-service could not handle " + eventType + ": "
                    + error + "; see data-service's log and re-submit the experiment"));
        } catch (RuntimeException again) {
            LOG.errorf(again, "could not report the failure of run %s", runId);
        }
    }

    /** DatasetFailed for the stage, then RunFailed: the run cannot go on without that stage's data. */
    void datasetFailed(RunPlan plan, DatasetUnavailableException e) {
        handle(plan, unavailable(e));
    }

    private static RunInput unavailable(DatasetUnavailableException e) {
        return new RunInput.DatasetUnavailable(e.stageIndex(), e.field(), e.getMessage(), e.describe());
    }

    private void handle(String runId, RunInput input) {
        Optional<RunPlan> plan = plans.find(runId);
        if (plan.isEmpty()) {
            LOG.debugf("ignoring an event of run %s, which data-service did not plan", runId);
            return;
        }
        handle(plan.get(), input);
    }

    private void handle(RunPlan plan, RunInput input) {
        RunMachine machine = new RunMachine(shape(plan), limits);
        states.update(plan.runId(), RunState.planned(plan.runId(), plan.stages().size()), state -> {
            RunInput effective = cancelled.contains(plan.experimentId()) ? new RunInput.Cancel() : input;
            Transition transition = machine.apply(state, effective, clock.instant());
            RunState next = transition.state();
            Deque<RunCommand> todo = new ArrayDeque<>(transition.commands());
            while (!todo.isEmpty()) {
                Optional<RunInput> setback = execute(plan, todo.poll());
                if (setback.isPresent()) {
                    Transition after = machine.apply(next, setback.get(), clock.instant());
                    next = after.state();
                    todo.clear();
                    todo.addAll(after.commands());
                }
            }
            return next;
        });
    }

    static RunShape shape(RunPlan plan) {
        return new RunShape(plan.model(), plan.stages().stream().map(StagePlan::memorizedGate).toList());
    }

    /** Publishes what one command asks; a stage whose rows cannot be prepared comes back as the input it causes. */
    private Optional<RunInput> execute(RunPlan plan, RunCommand command) {
        if (command instanceof RunCommand.Train train) {
            return train(plan, train);
        }
        if (command instanceof RunCommand.Evaluate evaluate) {
            if (evaluate.evaluation() > 1) {
                metrics.reissued("evaluation");
                LOG.warnf("run %s stage %d: no evaluation came back; issuing it again (%d)", plan.runId(),
                        evaluate.stage(), evaluate.evaluation());
            }
            jobs.publish(evalJob(plan, evaluate.stage(), evaluate.checkpointUri()));
        } else if (command instanceof RunCommand.ReportDataset report) {
            publisher.publish(DatasetFailed.of(plan.experimentId(), plan.runId(), report.stage(),
                    plan.stage(report.stage()).label(), report.message(), report.field()));
        } else if (command instanceof RunCommand.Complete complete) {
            publisher.publish(RunCompleted.of(plan.experimentId(), plan.runId(), complete.stages()));
            metrics.runCompleted();
            LOG.infof("run %s (%s) completed", plan.runId(), plan.label());
        } else if (command instanceof RunCommand.Fail fail) {
            publisher.publish(RunFailed.of(plan.experimentId(), plan.runId(), fail.stage(), fail.reason()));
            metrics.runFailed();
            LOG.infof("run %s (%s) failed: %s", plan.runId(), plan.label(), fail.reason());
        }
        return Optional.empty();
    }

    /** Attempt 1 prepares the stage's rows and announces them; a later attempt trains on the same rows. */
    private Optional<RunInput> train(RunPlan plan, RunCommand.Train train) {
        int i = train.stage();
        ArtifactLayout.Stage stage = store.run(plan.runId()).stage(i);
        String datasetUri = store.uri(stage.dataset());
        if (train.attempt() == 1) {
            PreparedDataset prepared;
            try {
                prepared = metrics.timePreparation(() -> preparer.prepare(plan, i));
            } catch (DatasetUnavailableException e) {
                return Optional.of(unavailable(e));
            } catch (RuntimeException e) {
                LOG.errorf(e, "preparing run %s stage %d failed", plan.runId(), i);
                return Optional.of(unavailable(new DatasetUnavailableException(i, null,
                        "preparing the rows failed: " + e + "; check that the artifact root " + store.root()
                                + " is writable and has space", e)));
            }
            preparer.writeManifest(plan.runId(), prepared);
            datasetUri = prepared.uri();
            publisher.publish(DatasetPrepared.of(plan.experimentId(), plan.runId(), i, prepared.dataset(),
                    prepared.uri(), prepared.manifest()));
            LOG.infof("run %s (%s) stage %d: %d rows prepared", plan.runId(), plan.label(), i,
                    prepared.manifest().counts().total());
        } else {
            metrics.reissued("training");
            LOG.warnf("run %s stage %d stalled or failed on something outside the job; issuing its training again"
                    + " (attempt %d)", plan.runId(), i, train.attempt());
        }
        jobs.publish(TrainingJob.of(plan.experimentId(), plan.runId(), i, train.attempt(), train.model(), datasetUri,
                store.uri(stage.checkpoint()), plan.stage(i).training()));
        return Optional.empty();
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
}
