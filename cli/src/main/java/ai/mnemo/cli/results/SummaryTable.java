package ai.mnemo.cli.results;

import java.util.ArrayList;
import java.util.List;

/** Renders a summary as the quickstart's table: steps and exact match per stage, and the retention of D_A. */
public final class SummaryTable {

    private SummaryTable() {}

    public static String render(ExperimentSummary summary) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"method", "seed", "stage-1 steps", "EM D_A after 1", "stage-2 steps",
            "EM D_B after 2", "retention D_A", "status"});
        for (ExperimentSummary.Run run : summary.runs()) {
            ExperimentSummary.Stage first = stage(run, 0);
            ExperimentSummary.Stage last = stage(run, run.stages().size() - 1);
            rows.add(new String[] {
                run.label(),
                Long.toString(run.seed()),
                steps(first),
                percent(first == null ? null : first.accuracy().get(first.dataset())),
                steps(run.stages().size() > 1 ? last : null),
                percent(run.stages().size() > 1 && last != null ? last.accuracy().get(last.dataset()) : null),
                percent(run.stages().size() > 1 ? run.retention() : null),
                run.status()});
        }
        return TextTable.format(rows);
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
