package ai.mnemo.results.analysis;

import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import ai.mnemo.results.api.TrainingOutcome;
import java.util.ArrayList;
import java.util.List;

/** Lineage records built by hand for the analysis tests: a run from its accuracy matrix and steps per stage. */
final class Runs {

    private Runs() {
    }

    /**
     * @param accuracy [checkpoint stage][dataset stage]; a null row or cell is a pending evaluation
     * @param steps per stage; null where the stage has not finished training
     */
    static RunLineage run(String id, String label, String method, Double mixRatio, Long seed, String status,
            Double[][] accuracy, Long... steps) {
        int size = steps.length;
        List<StageLineage> stages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<EvaluationView> evaluations = new ArrayList<>();
            for (int j = 0; accuracy.length > i && accuracy[i] != null && j < accuracy[i].length; j++) {
                evaluations.add(new EvaluationView(j, dataset(j), "exact-match", 10, null, accuracy[i][j],
                        accuracy[i][j] == null ? null : accuracy[i][j] / 2, null, null, null, null));
            }
            TrainingOutcome training = steps[i] == null ? null
                    : new TrainingOutcome(steps[i], 3, 0.01, "memorized", 1.0, 100.0, null, null);
            stages.add(new StageLineage(i, "evaluated", dataset(i), null, null, null, null, 1, training, null, null,
                    null, evaluations));
        }
        RunLineage.Failure failure = "failed".equals(status) ? new RunLineage.Failure("it broke", size - 1) : null;
        return new RunLineage(id, "e", method, mixRatio, seed, label, status, size, failure, null, stages);
    }

    static ExperimentLineage experiment(RunLineage... runs) {
        return new ExperimentLineage("e", "test", "planned", null, null, runs.length, null, null, null, List.of(runs));
    }

    static String dataset(int stage) {
        return "kvr:" + (char) ('A' + stage);
    }
}
