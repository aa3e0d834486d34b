package ai.mnemo.results.api;

import java.util.List;

/**
 * The logit lens of an experiment, per method over its completed seeds: for the checkpoint after each stage and
 * each dataset seen so far, the gold answer's first token at every depth (0 = the embedding output, l = after layer
 * l). The paper reads it as where a model holds its facts: REMIX, earlier and over more layers.
 *
 * @param datasets the dataset of each stage
 */
public record LogitLensReport(String experimentId, List<String> datasets, List<MethodLens> methods) {

    /** One method's lens cells; {@code n} completed runs behind them. */
    public record MethodLens(String label, int n, List<Cell> cells) {}

    /**
     * The lens of the checkpoint after stage {@code stageIndex} on the dataset of stage {@code datasetStageIndex},
     * over the {@code n} seeds that reported one.
     *
     * @param meanProbability per depth, the gold token's probability, mean over seeds of the mean over facts
     * @param top1Rate per depth, the share of facts whose gold token is the top-1, mean over seeds
     * @param firstTop1 per depth, the facts whose gold token is the top-1 first there, summed over seeds
     * @param neverTop1 facts whose gold token is the top-1 at no depth, summed over seeds
     * @param meanFirstTop1Depth the mean first top-1 depth of the facts that have one; null when none has
     */
    public record Cell(int stageIndex, int datasetStageIndex, int n, List<Double> meanProbability,
            List<Double> top1Rate, List<Integer> firstTop1, int neverTop1, Double meanFirstTop1Depth) {}
}
