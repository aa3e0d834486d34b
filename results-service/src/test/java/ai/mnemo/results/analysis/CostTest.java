package ai.mnemo.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.v1.DeviceCost;
import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.Cost;
import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import ai.mnemo.results.api.TrainingOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {

    private static final String CPU = "AMD EPYC 7B13";
    private static final String GPU = "NVIDIA H200";

    @Test
    void aRunSumsItsTrainingsAndEvaluationsAndCountsTheUnpriced() {
        RunLineage run = run("r0", 0L, "completed",
                stage(0, cpu(100), cpu(10)),
                stage(1, gpu(30), null)); // evaluated by an evaluator that sent no cost

        assertEquals(new Cost(30, 110, 3, 1, List.of(CPU, GPU)), run.cost());
    }

    @Test
    void aMethodSumsEveryRunAndAveragesCompletedSeeds() {
        RunLineage seed0 = run("r0", 0L, "completed", stage(0, cpu(100), cpu(20)));
        RunLineage seed1 = run("r1", 1L, "completed", stage(0, cpu(200), cpu(40)));
        RunLineage failed = run("r2", 2L, "failed", stage(0, cpu(7), null));

        MethodComparison method = Comparison.of(Runs.experiment(seed0, seed1, failed)).methods().get(0);

        assertEquals(367, method.cost().total().cpuSeconds(), 1e-9);
        assertEquals(2, method.cost().cpuSecondsPerSeed().n());
        assertEquals(180, method.cost().cpuSecondsPerSeed().mean(), 1e-9);
        assertEquals(0, method.cost().gpuSecondsPerSeed().mean(), 1e-9);
        assertEquals(1, method.cost().total().unpriced());
    }

    @Test
    void theExperimentSumsItsMethods() {
        ComparisonReport report = Comparison.of(Runs.experiment(
                run("n0", 0L, "completed", stage(0, gpu(50), gpu(5))),
                run("k0", 0L, "completed", stage(0, cpu(8), null))));

        assertEquals(new Cost(55, 8, 3, 1, List.of(CPU, GPU)), report.cost());
    }

    private static DeviceCost cpu(double seconds) {
        return new DeviceCost("cpu", seconds, seconds / 2, 2, CPU);
    }

    private static DeviceCost gpu(double seconds) {
        return new DeviceCost("gpu", seconds, seconds, 1, GPU);
    }

    private static StageLineage stage(int index, DeviceCost training, DeviceCost evaluation) {
        return new StageLineage(index, "evaluated", Runs.dataset(index), null, null, null, null, 1,
                new TrainingOutcome(10L, 1, 0.1, "fixed-epochs", 1.0, 10.0, null, null), null, null, 1.0,
                List.of(new EvaluationView(index, Runs.dataset(index), "exact-match", 10, 5, 0.5, 0.5, null, null,
                        null, null)),
                training, evaluation);
    }

    private static RunLineage run(String id, Long seed, String status, StageLineage... stages) {
        return new RunLineage(id, "e", id.startsWith("k") ? "kl" : "naive", null, seed,
                (id.startsWith("k") ? "kl" : "naive") + "/seed" + seed, status, stages.length,
                "failed".equals(status) ? new RunLineage.Failure("it broke", 0) : null, null, List.of(stages));
    }
}
