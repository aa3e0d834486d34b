package ai.mnemo.results.service;

import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.ExperimentStatus;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies mnemo.experiments.v1: the request (spec, who), the plan (name, run ids), a rejection, a cancellation. */
@ApplicationScoped
public class ExperimentRecorder {

    private final LineageRows rows;

    public ExperimentRecorder(LineageRows rows) {
        this.rows = rows;
    }

    /** @return false when the event carries nothing to store */
    public boolean record(ExperimentEvent event) {
        if (event instanceof ExperimentRequested requested) {
            requested(requested);
        } else if (event instanceof ExperimentPlanned planned) {
            planned(planned);
        } else if (event instanceof ExperimentRejected rejected) {
            return rejected(rejected);
        } else if (event instanceof ExperimentCancelled cancelled) {
            cancelled(cancelled);
        }
        return true;
    }

    private void requested(ExperimentRequested event) {
        Experiment experiment = rows.experiment(event.experimentId(), event.occurredAt());
        experiment.specJson = JsonText.of(event.spec());
        experiment.submittedBy = event.submittedBy();
        if (experiment.name == null) {
            experiment.name = event.spec().name();
        }
    }

    private void planned(ExperimentPlanned event) {
        Experiment experiment = rows.experiment(event.experimentId(), event.occurredAt());
        experiment.name = event.name();
        experiment.plannedRuns = event.runIds().size();
        experiment.advance(ExperimentStatus.PLANNED);
        for (String runId : event.runIds()) {
            rows.run(event.experimentId(), runId, event.occurredAt());
        }
        // The runs may all have ended before the plan was read.
        rows.settle(experiment);
    }

    private boolean rejected(ExperimentRejected event) {
        if (event.experimentId() == null) {
            return false; // an unreadable request: there is no experiment to attach it to
        }
        Experiment experiment = rows.experiment(event.experimentId(), event.occurredAt());
        experiment.advance(ExperimentStatus.REJECTED);
        experiment.rejectionReason = event.reason();
        experiment.rejectionField = event.field();
        return true;
    }

    /**
     * Ends the experiment and every run of it that has not ended; an experiment that ended first keeps its status.
     * Runs whose rows appear later start cancelled ({@link LineageRows#run}).
     */
    private void cancelled(ExperimentCancelled event) {
        Experiment experiment = rows.experiment(event.experimentId(), event.occurredAt());
        experiment.advance(ExperimentStatus.CANCELLED);
        if (experiment.status != ExperimentStatus.CANCELLED || experiment.cancelledAt != null) {
            return;
        }
        experiment.cancelledAt = event.occurredAt();
        experiment.cancelledBy = event.cancelledBy();
        for (Run run : Run.<Run>list("experiment", experiment)) {
            if (!run.status.ended()) {
                run.advance(RunStatus.CANCELLED);
                run.endedAt = Times.earliest(run.endedAt, event.occurredAt());
            }
        }
    }
}
