package ai.mnemo.eval.scoring;

import ai.mnemo.events.v1.LogitLens;
import java.util.ArrayList;
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

    /** The mean over facts of the teacher-forced mean log-probability, or null without readings. */
    public Double meanLogProb() {
        return mean(predictions.stream().map(Prediction::meanLogProb).toList());
    }

    /** The mean over facts of the teacher-forced token accuracy, or null without readings. */
    public Double tokenAccuracy() {
        return mean(predictions.stream().map(Prediction::tokenAccuracy).toList());
    }

    /** The logit lens summed up over the facts, or null without readings. */
    public LogitLens logitLens() {
        if (predictions.isEmpty() || predictions.stream().anyMatch(p -> p.lens() == null)) {
            return null;
        }
        int depths = predictions.get(0).lens().size();
        List<Double> probability = new ArrayList<>();
        List<Double> top1 = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        for (int l = 0; l < depths; l++) {
            int depth = l;
            probability.add(predictions.stream().mapToDouble(p -> p.lens().get(depth)).average().orElse(0));
            top1.add(predictions.stream().filter(p -> p.lensTop1().get(depth)).count() / (double) count());
            first.add((int) predictions.stream().filter(p -> p.firstTop1Depth() == depth).count());
        }
        int never = (int) predictions.stream().filter(p -> p.firstTop1Depth() < 0).count();
        return new LogitLens(probability, top1, first, never);
    }

    private static Double mean(List<Double> values) {
        if (values.isEmpty() || values.contains(null)) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
