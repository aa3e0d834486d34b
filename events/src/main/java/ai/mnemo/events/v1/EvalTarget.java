package ai.mnemo.events.v1;

/** One dataset to evaluate a checkpoint on: the prepared rows of stage {@code datasetStageIndex}. */
public record EvalTarget(int datasetStageIndex, String dataset, String datasetUri, String metric, int maxNewTokens) {

    public EvalTarget {
        Require.present(dataset, "dataset");
        Require.present(datasetUri, "datasetUri");
        Require.present(metric, "metric");
    }
}
