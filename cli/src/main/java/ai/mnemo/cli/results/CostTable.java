package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.Cost;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.MethodCost;
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
    public static String render(ComparisonReport comparison) {
        Cost total = comparison.cost();
        if (total == null) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"method", "GPU-s total", "CPU-s total", "GPU-s per seed", "CPU-s per seed",
            "priced jobs", "unpriced"});
        for (MethodComparison method : ComparisonTable.list(comparison.methods())) {
            MethodCost cost = method.cost();
            Cost sum = cost == null ? null : cost.total();
            rows.add(new String[] {
                method.label(),
                sum == null ? "-" : seconds(sum.gpuSeconds()),
                sum == null ? "-" : seconds(sum.cpuSeconds()),
                ComparisonTable.number(cost == null ? null : cost.gpuSecondsPerSeed()),
                ComparisonTable.number(cost == null ? null : cost.cpuSecondsPerSeed()),
                sum == null ? "-" : Integer.toString(sum.jobs()),
                sum == null ? "-" : Integer.toString(sum.unpriced())});
        }
        List<String> hardware = ComparisonTable.list(total.hardware());
        return TextTable.format(rows) + String.format(Locale.ROOT,
                "cost of the experiment: %s GPU-seconds, %s CPU-seconds%s%s%n", seconds(total.gpuSeconds()),
                seconds(total.cpuSeconds()), hardware.isEmpty() ? "" : " on " + String.join(", ", hardware),
                total.unpriced() == 0 ? "" : " (" + total.unpriced() + " jobs sent no cost and are not counted)");
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
