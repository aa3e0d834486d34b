package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.Difference;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.Spread;
import ai.mnemo.results.api.VersusNaive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders results-service's method comparison (GET /api/experiments/{id}/comparison): per method, over seeds,
 * retention and forgetting of D_A, accuracy on the last stage's dataset, steps per stage (mean ± std).
 */
public final class ComparisonTable {

    private ComparisonTable() {}

    public static String render(ComparisonReport comparison) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"method", "seeds", "retention D_A", "gold log p D_A", "gold tokens D_A",
            "forgetting D_A", "EM last stage", "retention vs naive (95% CI)", "steps per stage", "failed"});
        Map<String, VersusNaive> versus = new HashMap<>();
        list(comparison.versusNaive()).forEach(v -> versus.put(v.label(), v));
        for (MethodComparison method : list(comparison.methods())) {
            List<String> steps = new ArrayList<>();
            for (Spread stage : list(method.stepsPerStage())) {
                steps.add(stage != null && stage.mean() != null ? String.format(Locale.ROOT, "%.0f", stage.mean())
                        : "-");
            }
            VersusNaive difference = versus.get(method.label());
            rows.add(new String[] {
                method.label(),
                Integer.toString(method.n()),
                percent(method.retention()),
                number(method.retentionLogProb()),
                percent(method.retentionTokenAccuracy()),
                percent(method.forgetting()),
                percent(method.lastStageAccuracy()),
                difference(difference == null ? null : difference.retention()),
                String.join(" / ", steps),
                Integer.toString(method.failed())});
        }
        return TextTable.format(rows);
    }

    /** {@code mean ± std} of a log-probability or seconds; the std is absent for a single seed. */
    static String number(Spread spread) {
        if (spread == null || spread.mean() == null) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%.2f", spread.mean());
        return spread.std() != null ? mean + String.format(Locale.ROOT, " ± %.2f", spread.std()) : mean;
    }

    /** {@code +12.5 [-3.0, +28.0]} in points of percent; "-" for naive itself or without two seeds a side. */
    static String difference(Difference d) {
        if (d == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * d.mean(), 100 * d.low(), 100 * d.high());
    }

    /** {@code mean ± std} in percent; the std is absent for a single seed. */
    static String percent(Spread spread) {
        if (spread == null || spread.mean() == null) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%.1f%%", 100 * spread.mean());
        return spread.std() != null ? mean + String.format(Locale.ROOT, " ± %.1f", 100 * spread.std()) : mean;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
