package ai.mnemo.cli.results;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an experiment as the quickstart prints and writes it ({@code --out}): per run, per stage, the
 * optimizer steps and the exact match on every dataset seen so far; retention is the accuracy on D_A (stage 0's
 * dataset) after the last stage.
 */
public record ExperimentSummary(String experimentId, List<Run> runs) {

    public record Run(String runId, String method, Double mixRatio, String label, long seed, String status,
            String failure, List<Stage> stages, Double retention) {}

    /** @param accuracy exact match (0..1) by dataset label, measured on this stage's checkpoint */
    public record Stage(String dataset, Long steps, Map<String, Double> accuracy) {}
}
