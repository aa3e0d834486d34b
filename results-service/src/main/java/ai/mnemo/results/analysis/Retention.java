package ai.mnemo.results.analysis;

import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RetentionReport;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.RunRetention;
import ai.mnemo.results.api.StageLineage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Builds retention matrices from a lineage: the evaluation of stage i's checkpoint on stage j's dataset goes to
 * cell (i, j). Pure functions over the response records, so the numbers can be checked without a database.
 */
public final class Retention {

    private Retention() {
    }

    public static RetentionReport of(ExperimentLineage experiment) {
        return new RetentionReport(experiment.id(), experiment.name(), experiment.status(),
                experiment.runs().stream().map(Retention::of).toList());
    }

    public static RunRetention of(RunLineage run) {
        int size = stageCount(run);
        String[] datasets = new String[size];
        String[] metrics = new String[size];
        for (StageLineage stage : run.stages()) {
            if (stage.index() < size) {
                datasets[stage.index()] = stage.dataset();
            }
            for (EvaluationView evaluation : stage.evaluations()) {
                int column = evaluation.datasetStageIndex();
                if (column < size && metrics[column] == null) {
                    metrics[column] = evaluation.metric();
                }
            }
        }
        return new RunRetention(run.id(), run.label(), run.method(), run.mixRatio(), run.seed(), run.status(),
                Arrays.asList(datasets), Arrays.asList(metrics),
                matrix(run, size, EvaluationView::accuracy), matrix(run, size, EvaluationView::rougeL),
                matrix(run, size, EvaluationView::meanLogProb), matrix(run, size, EvaluationView::tokenAccuracy));
    }

    /** The planned number of stages; the stages seen so far while the plan has not been read. */
    static int stageCount(RunLineage run) {
        int seen = run.stages().stream().mapToInt(s -> s.index() + 1).max().orElse(0);
        return run.stageCount() != null ? Math.max(run.stageCount(), seen) : seen;
    }

    private static List<List<Double>> matrix(RunLineage run, int size, Function<EvaluationView, Double> score) {
        List<Double[]> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(new Double[size]);
        }
        for (StageLineage stage : run.stages()) {
            for (EvaluationView evaluation : stage.evaluations()) {
                int column = evaluation.datasetStageIndex();
                if (stage.index() < size && column < size) {
                    rows.get(stage.index())[column] = score.apply(evaluation);
                }
            }
        }
        return rows.stream().map(Arrays::asList).toList();
    }
}
