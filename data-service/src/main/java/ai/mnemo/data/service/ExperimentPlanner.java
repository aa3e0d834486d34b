package ai.mnemo.data.service;

import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.plan.GridExpansion;
import ai.mnemo.data.plan.PlanStore;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Plans a valid experiment: expands its grid into runs, writes each run's plan, announces them (ExperimentPlanned,
 * then one RunPlanned per run) and starts every run: at once, or after the known-fact filter of its pools
 * ({@link ProbeCoordinator}). A request whose runs were all planned and started
 * already is a duplicate and changes nothing. One that reuses an experiment id for another spec is rejected when a
 * run of the same label would get another plan (a spec whose grid yields other labels is not detected: nothing
 * records an experiment as a whole yet).
 */
@ApplicationScoped
public class ExperimentPlanner {

    private static final Logger LOG = Logger.getLogger(ExperimentPlanner.class);

    private final EventPublisher publisher;
    private final PlanStore plans;
    private final ProbeCoordinator probes;
    private final RunConductor conductor;
    private final DataMetrics metrics;
    private final ArtifactStore store;

    public ExperimentPlanner(EventPublisher publisher, PlanStore plans, ProbeCoordinator probes, RunConductor conductor, DataMetrics metrics, ArtifactStore store) {
        this.store = store;
        this.publisher = publisher;
        this.plans = plans;
        this.probes = probes;
        this.conductor = conductor;
        this.metrics = metrics;
    }

    /**
     * @param request a request whose spec validated
     * @throws RequestRejectedException when a run of this experiment was planned before with another plan
     */
    public void plan(ExperimentRequested request) {
        ExperimentSpec spec = request.spec().resolve();
        List<RunPlan> runs = GridExpansion.expand(request.experimentId(), spec,
                runId -> store.uri(store.run(runId).stage(0).checkpoint()));
        if (alreadyStarted(runs)) {
            LOG.infof("experiment %s was planned already; ignoring the repeated request", request.experimentId());
            return;
        }
        runs.forEach(plans::write);
        publisher.publish(ExperimentPlanned.of(request.experimentId(), spec.name(),
                runs.stream().map(RunPlan::runId).toList()));
        metrics.experimentAccepted();
        for (RunPlan run : runs) {
            publisher.publish(RunPlanned.of(run.experimentId(), run.runId(), run.method().name(), run.mixRatio(),
                    run.seed(), run.label(), run.stageLabels()));
            metrics.runPlanned();
        }
        LOG.infof("experiment %s (%s): %d runs planned", request.experimentId(), spec.name(), runs.size());
        probes.start(runs);
    }

    /**
     * True when every run has its plan and is under way: stage 0 started, its probes requested, or the run failed
     * already. A run planned but not under way (a crash in between) makes the request go through again: the plans
     * are rewritten identically and the missing stages started.
     */
    private boolean alreadyStarted(List<RunPlan> runs) {
        boolean all = true;
        for (RunPlan run : runs) {
            Optional<RunPlan> existing = plans.find(run.runId());
            if (existing.isPresent() && !existing.get().equals(run)) {
                throw new RequestRejectedException("experiment " + run.experimentId() + " was planned before with"
                        + " another spec (run " + run.label() + " differs); submit the new spec under a new"
                        + " experimentId", null);
            }
            all &= existing.isPresent() && (conductor.hasBegun(run.runId()) || probes.requested(run));
        }
        return all;
    }
}
