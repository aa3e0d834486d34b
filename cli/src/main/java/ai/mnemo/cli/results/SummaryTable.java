package ai.mnemo.cli.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a summary as the quickstart's table: per stage (numbered as in the spec, 0 learns D_A) its steps and the
 * exact match on its own dataset right after it, then the retention of D_A after the last stage; below the table,
 * each failed run's reason.
 */
public final class SummaryTable {

    private SummaryTable() {}

    public static String render(ExperimentSummary summary) {
        int stages = summary.runs().stream().mapToInt(r -> r.stages().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("method", "seed"));
        for (int i = 0; i < stages; i++) {
            header.add("stage " + i + " steps");
            header.add("EM own after " + i);
        }
        header.addAll(List.of("retention D_A", "status"));
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (ExperimentSummary.Run run : summary.runs()) {
            List<String> row = new ArrayList<>(List.of(run.label(), Long.toString(run.seed())));
            for (int i = 0; i < stages; i++) {
                ExperimentSummary.Stage stage = stage(run, i);
                row.add(steps(stage));
                row.add(percent(stage == null ? null : stage.accuracy().get(stage.dataset())));
            }
            row.add(percent(run.stages().size() > 1 ? run.retention() : null));
            row.add(run.status());
            rows.add(row.toArray(String[]::new));
        }
        StringBuilder out = new StringBuilder(TextTable.format(rows));
        for (ExperimentSummary.Run run : summary.runs()) {
            if (run.failure() != null) {
                out.append(run.label()).append(" failed: ").append(run.failure()).append('\n');
            }
        }
        return out.toString();
    }

    private static ExperimentSummary.Stage stage(ExperimentSummary.Run run, int index) {
        return index >= 0 && index < run.stages().size() ? run.stages().get(index) : null;
    }

    private static String steps(ExperimentSummary.Stage stage) {
        return stage == null || stage.steps() == null ? "-" : Long.toString(stage.steps());
    }

    static String percent(Double value) {
        return value == null ? "-" : String.format("%.1f%%", 100 * value);
    }

}
