package ai.mnemo.results.service;

import ai.mnemo.events.v1.DatasetEvent;
import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunEvent;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.results.persistence.ProcessedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies one event to the lineage, exactly once per event id: the id is recorded in the same transaction as the
 * rows it changes, so a redelivered record is recognised and skipped. Everything below upserts by natural keys,
 * so an event re-emitted under a new id (a trainer re-announcing a finished stage) changes nothing either.
 */
@ApplicationScoped
public class LineageRecorder {

    private final ExperimentRecorder experiments;
    private final RunRecorder runs;
    private final DatasetRecorder datasets;
    private final TrainingRecorder training;
    private final EvaluationRecorder evaluations;

    public LineageRecorder(ExperimentRecorder experiments, RunRecorder runs, DatasetRecorder datasets,
            TrainingRecorder training, EvaluationRecorder evaluations) {
        this.experiments = experiments;
        this.runs = runs;
        this.datasets = datasets;
        this.training = training;
        this.evaluations = evaluations;
    }

    /** Joins the caller's transaction, or starts one. */
    @Transactional
    public Outcome record(String topic, MnemoEvent event) {
        if (ProcessedEvent.findById(event.eventId()) != null) {
            return Outcome.DUPLICATE;
        }
        ProcessedEvent.of(event.eventId(), topic, event.getClass().getSimpleName(), event.occurredAt()).persist();
        Outcome outcome = dispatch(event) ? Outcome.STORED : Outcome.IGNORED;
        // Write now, so a lost race (a taken natural key, a stale row version) surfaces here, to the caller that
        // retries it, rather than as a failed commit.
        ProcessedEvent.flush();
        return outcome;
    }

    private boolean dispatch(MnemoEvent event) {
        if (event instanceof ExperimentEvent experiment) {
            return experiments.record(experiment);
        }
        if (event instanceof RunEvent run) {
            return runs.record(run);
        }
        if (event instanceof DatasetEvent dataset) {
            return datasets.record(dataset);
        }
        if (event instanceof TrainingCommand command) {
            return training.record(command);
        }
        if (event instanceof TrainingEvent trained) {
            return training.record(trained);
        }
        if (event instanceof EvalCommand command) {
            return evaluations.record(command);
        }
        if (event instanceof EvalEvent evaluated) {
            return evaluations.record(evaluated);
        }
        return false;
    }
}
