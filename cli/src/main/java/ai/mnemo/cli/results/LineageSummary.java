package ai.mnemo.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns results-service's lineage of an experiment (GET /api/experiments/{id}) into the quickstart's summary. */
public final class LineageSummary {

    private LineageSummary() {}

    public static ExperimentSummary from(JsonNode experiment) {
        List<ExperimentSummary.Run> runs = new ArrayList<>();
        for (JsonNode run : experiment.path("runs")) {
            List<ExperimentSummary.Stage> stages = new ArrayList<>();
            for (JsonNode stage : run.path("stages")) {
                Map<String, Double> accuracy = new LinkedHashMap<>();
                for (JsonNode evaluation : stage.path("evaluations")) {
                    accuracy.put(evaluation.path("dataset").asText(), evaluation.path("accuracy").asDouble());
                }
                JsonNode steps = stage.path("training").path("steps");
                stages.add(new ExperimentSummary.Stage(stage.path("dataset").asText(),
                        steps.isNumber() ? steps.asLong() : null, accuracy));
            }
            Double retention = null;
            if (!stages.isEmpty()) {
                retention = stages.get(stages.size() - 1).accuracy().get(stages.get(0).dataset());
            }
            runs.add(new ExperimentSummary.Run(run.path("id").asText(), run.path("method").asText(),
                    run.hasNonNull("mixRatio") ? run.get("mixRatio").asDouble() : null, run.path("label").asText(),
                    run.path("seed").asLong(), run.path("status").asText(), run.path("failure").path("reason").asText(null),
                    stages, retention));
        }
        return new ExperimentSummary(experiment.path("id").asText(), runs);
    }
}
