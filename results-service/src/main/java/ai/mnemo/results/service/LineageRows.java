package ai.mnemo.results.service;

import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.ExperimentStatus;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.RunStatus;
import ai.mnemo.results.persistence.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/**
 * Finds the row an event is about, creating it (and its parents) as a placeholder when the event arrived before
 * the one that introduces it: topics are read independently, so a DatasetPrepared may well be read before the
 * RunPlanned, or even the ExperimentRequested, of its run. Called inside the event's transaction.
 */
@ApplicationScoped
public class LineageRows {

    /** The experiment, created if missing; records {@code seenAt} as a candidate for its earliest event. */
    public Experiment experiment(String experimentId, Instant seenAt) {
        Experiment experiment = Experiment.findById(experimentId);
        if (experiment == null) {
            experiment = Experiment.placeholder(experimentId, seenAt);
            experiment.persist();
        } else {
            experiment.seenAt(seenAt);
        }
        return experiment;
    }

    /** The run, created (with its experiment) if missing. */
    public Run run(String experimentId, String runId, Instant seenAt) {
        Experiment experiment = experiment(experimentId, seenAt);
        Run run = Run.findById(runId);
        if (run == null) {
            run = Run.placeholder(runId, experiment);
            if (experiment.status == ExperimentStatus.CANCELLED) {
                run.advance(RunStatus.CANCELLED); // its events were read after the cancellation
            }
            run.persist();
        }
        return run;
    }

    /** The stage of a run, created if missing. */
    public Stage stage(Run run, int stageIndex) {
        return Stage.byKey(run, stageIndex).orElseGet(() -> {
            Stage stage = Stage.placeholder(run, stageIndex);
            stage.persist();
            return stage;
        });
    }

    /** The evaluation of stage {@code stageIndex}'s checkpoint on stage {@code datasetStageIndex}'s dataset. */
    public Evaluation evaluation(Run run, int stageIndex, int datasetStageIndex) {
        return Evaluation.byKey(run, stageIndex, datasetStageIndex).orElseGet(() -> {
            Evaluation evaluation = Evaluation.placeholder(run, stageIndex, datasetStageIndex);
            evaluation.persist();
            return evaluation;
        });
    }

    /**
     * Ends a planned experiment once every run of its grid has ended: completed when all completed, failed when
     * any failed. Called after anything that may be the last piece (a run ending, the plan itself).
     */
    public void settle(Experiment experiment) {
        // The decision reads the runs but may write only the experiment: two transactions (a run ending, the plan
        // arriving) could each miss the other's uncommitted change and both leave it planned. Locking the
        // experiment row and bumping its version now makes them conflict: the later one retries and sees both.
        Experiment.flush();
        Experiment.getEntityManager().lock(experiment, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (experiment.status != ExperimentStatus.PLANNED || experiment.plannedRuns == null) {
            return;
        }
        long completed = Run.count("experiment = ?1 and status = ?2", experiment, RunStatus.COMPLETED);
        long failed = Run.count("experiment = ?1 and status = ?2", experiment, RunStatus.FAILED);
        if (completed + failed >= experiment.plannedRuns) {
            experiment.advance(failed > 0 ? ExperimentStatus.FAILED : ExperimentStatus.COMPLETED);
        }
    }
}
