package ai.mnemo.eval.scoring;

import java.util.List;

/** Every prediction of one target and the aggregates an {@code EvalResult} reports. */
public record TargetScore(List<Prediction> predictions) {

    public TargetScore {
        predictions = List.copyOf(predictions);
    }

    public int count() {
        return predictions.size();
    }

    public int correct() {
        return (int) predictions.stream().filter(Prediction::correct).count();
    }

    /** correct / count; 0 when there is nothing to score. */
    public double accuracy() {
        return predictions.isEmpty() ? 0.0 : (double) correct() / count();
    }

    /** The mean ROUGE-L F1 over all predictions; 0 when there is nothing to score. */
    public double meanRougeL() {
        return predictions.stream().mapToDouble(Prediction::rougeL).average().orElse(0.0);
    }
}
