package ai.mnemo.results.analysis;

import java.util.List;

/**
 * The methods of an experiment side by side, each over its seeds.
 *
 * @param datasets the dataset of each stage ({@code kvr:A} is D_A, the last one D_B)
 */
public record ComparisonReport(String experimentId, String name, String status, List<String> datasets,
        List<MethodComparison> methods) {
}
