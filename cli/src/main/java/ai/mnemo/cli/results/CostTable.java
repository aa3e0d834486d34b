package ai.mnemo.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the cost part of results-service's comparison: per method the device-seconds over all its runs and per
 * completed seed, GPU and CPU apart, and the experiment's total with the hardware it ran on.
 */
public final class CostTable {

    private CostTable() {}

    /** Empty when results-service sent no cost (an older version). */
    public static String render(JsonNode comparison) {
        JsonNode total = comparison.path("cost");
        if (!total.isObject()) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"method", "GPU-s total", "CPU-s total", "GPU-s per seed", "CPU-s per seed",
            "priced jobs", "unpriced"});
        for (JsonNode method : comparison.path("methods")) {
            JsonNode cost = method.path("cost");
            rows.add(new String[] {
                method.path("label").asText(),
                seconds(cost.path("total").path("gpuSeconds")),
                seconds(cost.path("total").path("cpuSeconds")),
                ComparisonTable.number(cost.path("gpuSecondsPerSeed")),
                ComparisonTable.number(cost.path("cpuSecondsPerSeed")),
                Integer.toString(cost.path("total").path("jobs").asInt()),
                Integer.toString(cost.path("total").path("unpriced").asInt())});
        }
        List<String> hardware = new ArrayList<>();
        total.path("hardware").forEach(name -> hardware.add(name.asText()));
        return TextTable.format(rows) + String.format(Locale.ROOT,
                "cost of the experiment: %s GPU-seconds, %s CPU-seconds%s%s%n", seconds(total.path("gpuSeconds")),
                seconds(total.path("cpuSeconds")), hardware.isEmpty() ? "" : " on " + String.join(", ", hardware),
                total.path("unpriced").asInt() == 0 ? ""
                        : " (" + total.path("unpriced").asInt() + " jobs sent no cost and are not counted)");
    }

    static String seconds(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f", value.asDouble()) : "-";
    }
}
