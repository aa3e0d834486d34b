package ai.mnemo.cli.results;

import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.RunCounts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders the experiment list (GET /api/experiments): newest first, with status and runs by status. */
public final class ExperimentTable {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ExperimentTable() {}

    public static String render(List<ExperimentSummary> experiments) {
        if (experiments.isEmpty()) {
            return "no experiments yet (./mnemo submit SPEC starts one)\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "name", "status", "submitted", "by", "runs", "done", "running", "failed",
            "cancelled"});
        for (ExperimentSummary e : experiments) {
            RunCounts runs = e.runs() == null ? RunCounts.NONE : e.runs();
            rows.add(new String[] {
                e.id(),
                e.name() == null ? "-" : e.name(),
                e.status(),
                e.submittedAt() == null ? "-" : MINUTE.format(e.submittedAt()),
                e.submittedBy() == null ? "-" : e.submittedBy(),
                e.plannedRuns() == null ? Long.toString(runs.total()) : runs.total() + "/" + e.plannedRuns(),
                Long.toString(runs.completed()),
                Long.toString(runs.running() + runs.planned()),
                Long.toString(runs.failed()),
                Long.toString(runs.cancelled())});
        }
        return TextTable.format(rows);
    }
}
