package ai.mnemo.results.api;

import java.util.List;

/**
 * The methods of an experiment side by side, each over its seeds, and each against naive fine-tuning.
 *
 * @param datasets the dataset of each stage ({@code kvr:A} is D_A, the last one D_B)
 * @param versusNaive every other method minus naive, with 95% intervals; empty unless the experiment has exactly
 *     one naive method
 * @param cost device-seconds of every run of the experiment
 */
public record ComparisonReport(String experimentId, String name, String status, List<String> datasets,
        List<MethodComparison> methods, List<VersusNaive> versusNaive, Cost cost) {

    /** Without a cost. */
    public ComparisonReport(String experimentId, String name, String status, List<String> datasets,
            List<MethodComparison> methods, List<VersusNaive> versusNaive) {
        this(experimentId, name, status, datasets, methods, versusNaive, null);
    }
}
