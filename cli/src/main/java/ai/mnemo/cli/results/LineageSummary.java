package ai.mnemo.cli.results;

import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns results-service's lineage of an experiment (GET /api/experiments/{id}) into the quickstart's summary. */
public final class LineageSummary {

    private LineageSummary() {}

    public static ExperimentSummary from(ExperimentLineage experiment) {
        List<ExperimentSummary.Run> runs = new ArrayList<>();
        for (RunLineage run : experiment.runs()) {
            List<ExperimentSummary.Stage> stages = new ArrayList<>();
            for (StageLineage stage : run.stages()) {
                Map<String, Double> accuracy = new LinkedHashMap<>();
                for (EvaluationView evaluation : stage.evaluations()) {
                    if (evaluation.accuracy() != null) {
                        accuracy.put(evaluation.dataset(), evaluation.accuracy());
                    }
                }
                stages.add(new ExperimentSummary.Stage(stage.dataset(),
                        stage.training() == null ? null : stage.training().steps(), accuracy));
            }
            Double retention = null;
            if (!stages.isEmpty()) {
                retention = stages.get(stages.size() - 1).accuracy().get(stages.get(0).dataset());
            }
            runs.add(new ExperimentSummary.Run(run.id(), run.method(), run.mixRatio(), run.label(),
                    run.seed() == null ? 0 : run.seed(), run.status(),
                    run.failure() == null ? null : run.failure().reason(), stages, retention));
        }
        return new ExperimentSummary(experiment.id(), runs);
    }
}
