package ai.mnemo.events.v1;

/**
 * One dataset to evaluate a checkpoint on: the prepared rows of stage {@code datasetStageIndex}.
 *
 * @param maxNewTokens the generation cap, or {@link #FIT_GOLD_ANSWERS}
 */
public record EvalTarget(int datasetStageIndex, String dataset, String datasetUri, String metric, int maxNewTokens) {

    /** A cap of 0: as many new tokens as the target's longest gold answer has, plus a margin (eval-service). */
    public static final int FIT_GOLD_ANSWERS = 0;

    public EvalTarget {
        Require.stageIndex(datasetStageIndex, "datasetStageIndex");
        Require.present(dataset, "dataset");
        Require.present(datasetUri, "datasetUri");
        Require.present(metric, "metric");
    }
}
