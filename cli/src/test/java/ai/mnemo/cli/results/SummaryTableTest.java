package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void everyStageGetsItsOwnColumnsWhateverTheirNumber() {
        ExperimentSummary.Run run = new ExperimentSummary.Run("r1", "naive", null, "naive/seed0", 0, "completed",
                null, List.of(
                        new ExperimentSummary.Stage("kvr:A", 90L, Map.of("kvr:A", 1.0)),
                        new ExperimentSummary.Stage("kvr:B", 80L, Map.of("kvr:A", 0.5, "kvr:B", 1.0)),
                        new ExperimentSummary.Stage("popqa:A", 70L, Map.of("kvr:A", 0.25, "popqa:A", 0.75))),
                0.25);
        String table = SummaryTable.render(new ExperimentSummary("exp-1", List.of(run)));
        String header = table.lines().findFirst().orElseThrow();
        assertTrue(header.contains("stage 0 steps") && header.contains("stage 2 steps")
                && header.contains("EM own after 2"), header);
        String row = table.lines().filter(l -> l.startsWith("naive/seed0")).findFirst().orElseThrow();
        assertTrue(row.matches(".*90 +100\\.0% +80 +100\\.0% +70 +75\\.0% +25\\.0% +completed.*"), row);
    }
}
