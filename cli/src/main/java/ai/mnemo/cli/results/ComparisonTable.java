package ai.mnemo.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders results-service's method comparison (GET /api/experiments/{id}/comparison): per method, over seeds,
 * retention and forgetting of D_A, accuracy on the last stage's dataset, steps per stage (mean ± std).
 */
public final class ComparisonTable {

    private ComparisonTable() {}

    public static String render(JsonNode comparison) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"method", "seeds", "retention D_A", "forgetting D_A", "EM last stage", "steps per stage",
            "failed"});
        for (JsonNode method : comparison.path("methods")) {
            List<String> steps = new ArrayList<>();
            for (JsonNode stage : method.path("stepsPerStage")) {
                steps.add(stage.hasNonNull("mean") ? String.format("%.0f", stage.get("mean").asDouble()) : "-");
            }
            rows.add(new String[] {
                method.path("label").asText(),
                Integer.toString(method.path("n").asInt()),
                percent(method.path("retention")),
                percent(method.path("forgetting")),
                percent(method.path("lastStageAccuracy")),
                String.join(" / ", steps),
                Integer.toString(method.path("failed").asInt())});
        }
        return TextTable.format(rows);
    }

    /** {@code mean ± std} in percent; the std is absent for a single seed. */
    static String percent(JsonNode spread) {
        if (!spread.hasNonNull("mean")) {
            return "-";
        }
        String mean = String.format("%.1f%%", 100 * spread.get("mean").asDouble());
        return spread.hasNonNull("std") ? mean + String.format(" ± %.1f", 100 * spread.get("std").asDouble()) : mean;
    }
}
