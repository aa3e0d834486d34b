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
        rows.add(new String[] {"method", "seeds", "retention D_A", "gold log p D_A", "gold tokens D_A",
            "forgetting D_A", "EM last stage", "retention vs naive (95% CI)", "steps per stage", "failed"});
        java.util.Map<String, JsonNode> versus = new java.util.HashMap<>();
        comparison.path("versusNaive").forEach(v -> versus.put(v.path("label").asText(), v));
        for (JsonNode method : comparison.path("methods")) {
            List<String> steps = new ArrayList<>();
            for (JsonNode stage : method.path("stepsPerStage")) {
                steps.add(stage.hasNonNull("mean") ? String.format("%.0f", stage.get("mean").asDouble()) : "-");
            }
            rows.add(new String[] {
                method.path("label").asText(),
                Integer.toString(method.path("n").asInt()),
                percent(method.path("retention")),
                number(method.path("retentionLogProb")),
                percent(method.path("retentionTokenAccuracy")),
                percent(method.path("forgetting")),
                percent(method.path("lastStageAccuracy")),
                difference(versus.get(method.path("label").asText()), "retention"),
                String.join(" / ", steps),
                Integer.toString(method.path("failed").asInt())});
        }
        return TextTable.format(rows);
    }

    /** {@code mean ± std} of a log-probability; the std is absent for a single seed. */
    static String number(JsonNode spread) {
        if (!spread.hasNonNull("mean")) {
            return "-";
        }
        String mean = String.format("%.2f", spread.get("mean").asDouble());
        return spread.hasNonNull("std") ? mean + String.format(" ± %.2f", spread.get("std").asDouble()) : mean;
    }

    /** {@code +12.5 [-3.0, +28.0]} in points of percent; "-" for naive itself or without two seeds a side. */
    static String difference(JsonNode versus, String field) {
        JsonNode d = versus == null ? null : versus.get(field);
        if (d == null || d.isNull()) {
            return "-";
        }
        return String.format("%+.1f [%+.1f, %+.1f]", 100 * d.get("mean").asDouble(), 100 * d.get("low").asDouble(),
                100 * d.get("high").asDouble());
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
