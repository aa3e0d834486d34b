package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ExperimentLineage;
import java.util.Optional;

/**
 * What {@code results} and {@code submit --wait} print for an experiment: its status and, when it has one, why it
 * was rejected or who cancelled it; the runs per stage with each failed run's reason; the methods compared over
 * seeds; the cost; the report page.
 */
public final class ResultsReport {

    private ResultsReport() {}

    public static String render(ExperimentLineage experiment, Optional<ComparisonReport> comparison, String baseUrl) {
        StringBuilder out = new StringBuilder();
        out.append(experiment.name()).append(" (").append(experiment.id()).append("): ").append(experiment.status())
                .append('\n');
        if (experiment.rejection() != null) {
            out.append("rejected: ").append(experiment.rejection().reason());
            if (experiment.rejection().field() != null && !experiment.rejection().field().isEmpty()) {
                out.append(" (field ").append(experiment.rejection().field()).append(')');
            }
            out.append('\n');
        }
        if (experiment.cancellation() != null) {
            out.append("cancelled at ").append(experiment.cancellation().at())
                    .append(experiment.cancellation().by() == null ? "" : " by " + experiment.cancellation().by())
                    .append('\n');
        }
        if (!ComparisonTable.list(experiment.runs()).isEmpty()) {
            out.append('\n').append(SummaryTable.render(LineageSummary.from(experiment)));
        }
        if (comparison.isPresent() && !ComparisonTable.list(comparison.get().methods()).isEmpty()) {
            out.append('\n').append(ComparisonTable.render(comparison.get()));
            String cost = CostTable.render(comparison.get());
            if (!cost.isEmpty()) {
                out.append('\n').append(cost);
            }
        }
        out.append('\n').append("report: ").append(baseUrl).append("/experiments/").append(experiment.id())
                .append('\n');
        return out.toString();
    }
}
