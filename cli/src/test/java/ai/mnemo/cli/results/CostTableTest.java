package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostTableTest {

    @Test
    void perMethodTotalsAndPerSeedMeansThenTheExperiment() throws Exception {
        String table = CostTable.render(Contract.comparison("""
                {"methods": [
                  {"label": "naive", "n": 2, "failed": 0, "pending": 0, "cost": {"total": {"gpuSeconds": 0, "cpuSeconds": 120.25, "jobs": 4, "unpriced": 0, "hardware": []},
                   "gpuSecondsPerSeed": {"n": 2, "mean": 0, "std": 0}, "cpuSecondsPerSeed": {"n": 2, "mean": 60.125, "std": 5.5}}},
                  {"label": "kl", "n": 1, "failed": 0, "pending": 0, "cost": {"total": {"gpuSeconds": 30, "cpuSeconds": 0, "jobs": 1, "unpriced": 1, "hardware": []},
                   "gpuSecondsPerSeed": {"n": 1, "mean": 30, "std": null}, "cpuSecondsPerSeed": {"n": 1, "mean": 0, "std": null}}}],
                 "cost": {"gpuSeconds": 30, "cpuSeconds": 120.25, "jobs": 5, "unpriced": 1,
                          "hardware": ["AMD EPYC 7B13", "NVIDIA H200"]}}
                """));

        assertTrue(table.lines().anyMatch(l -> l.startsWith("naive") && l.contains("120.3")
                && l.contains("60.13 ± 5.50")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("kl") && l.contains("30.0") && l.endsWith("1")), table);
        assertTrue(table.contains("cost of the experiment: 30.0 GPU-seconds, 120.3 CPU-seconds on AMD EPYC 7B13, "
                + "NVIDIA H200 (1 jobs sent no cost and are not counted)"), table);
    }

    @Test
    void nothingFromAResultsServiceWithoutCosts() throws Exception {
        assertEquals("", CostTable.render(Contract.comparison("{\"methods\": []}")));
    }
}
