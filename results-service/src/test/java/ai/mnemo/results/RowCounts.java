package ai.mnemo.results;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.LossPoint;
import ai.mnemo.results.persistence.ProcessedEvent;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.Stage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** The rows one experiment (with its runs) owns in every table, to compare before and after a replay. */
public record RowCounts(long experiments, long runs, long stages, long evaluations, long lossPoints) {

    public static RowCounts of(String experimentId) {
        return QuarkusTransaction.requiringNew().call(() -> new RowCounts(
                Experiment.count("id", experimentId),
                Run.count("experiment.id", experimentId),
                Stage.count("run.experiment.id", experimentId),
                Evaluation.count("run.experiment.id", experimentId),
                LossPoint.count("run.experiment.id", experimentId)));
    }

    /** How many of these events' ids are recorded as processed. */
    public static long processed(List<MnemoEvent> events) {
        List<String> ids = events.stream().map(MnemoEvent::eventId).toList();
        return QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.count("eventId in ?1", ids));
    }
}
