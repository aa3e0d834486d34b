package ai.mnemo.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.RunRetention;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void rowsAreCheckpointsAndColumnsDatasetsWithNullsWhereNotEvaluated() {
        RunLineage run = Runs.run("r", "naive/seed0", "naive", null, 0L, "completed",
                new Double[][] {{1.0}, {0.4, 1.0}, {0.3, 0.5, 0.9}}, 10L, 20L, 30L);
        RunRetention retention = Retention.of(run);
        assertEquals(List.of("kvr:A", "kvr:B", "kvr:C"), retention.datasets());
        assertEquals(List.of("exact-match", "exact-match", "exact-match"), retention.metrics());
        assertEquals(List.of(
                Arrays.asList(1.0, null, null),
                Arrays.asList(0.4, 1.0, null),
                Arrays.asList(0.3, 0.5, 0.9)), retention.accuracy());
        assertEquals(0.25, retention.rougeL().get(2).get(1), 0);
        assertEquals("naive/seed0", retention.label());
    }

    @Test
    void aRunStillGoingHasEmptyRowsForStagesNotEvaluated() {
        RunLineage run = Runs.run("r", "remix x2/seed1", "remix", 2.0, 1L, "running",
                new Double[][] {{1.0}, {null, null}}, 10L, null);
        RunRetention retention = Retention.of(run);
        assertEquals(List.of(Arrays.asList(1.0, null), Arrays.asList(null, null)), retention.accuracy());
        assertEquals(2.0, retention.mixRatio(), 0);
        assertEquals(1L, retention.seed());
    }

    @Test
    void theMatrixHasThePlannedSizeEvenBeforeEveryStageIsSeen() {
        RunLineage seen = Runs.run("r", "naive/seed0", "naive", null, 0L, "running", new Double[][] {{1.0}}, 10L);
        RunLineage planned = new RunLineage(seen.id(), seen.experimentId(), seen.method(), seen.mixRatio(),
                seen.seed(), seen.label(), seen.status(), 3, null, null, seen.stages());
        RunRetention retention = Retention.of(planned);
        assertEquals(3, retention.accuracy().size());
        assertEquals(Arrays.asList("kvr:A", null, null), retention.datasets());
        assertEquals(Arrays.asList(1.0, null, null), retention.accuracy().get(0));
    }
}
