package ai.mnemo.eval.scoring;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.metrics.RougeL;
import ai.mnemo.lm.analysis.AnswerProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one target: generate an answer for every fact, judge it with the target's metric, add ROUGE-L and, when
 * given, what teacher forcing and the logit lens read of the gold answer.
 */
public final class TargetScorer {

    private TargetScorer() {
    }

    /**
     * @param facts the target's fact rows, in file order (mixing and replay rows are never evaluated)
     * @param maxNewTokens the target's generation cap
     * @param readings one per fact, in the same order, or null
     */
    public static TargetScore score(List<PreparedRow> facts, Metric metric, Generation generation, int maxNewTokens,
            List<AnswerProbe.Reading> readings) {
        List<String> users = facts.stream().map(PreparedRow::user).toList();
        List<String> answers = generation.answers(users, maxNewTokens);
        if (answers.size() != facts.size()) {
            throw new IllegalStateException("generation returned " + answers.size() + " answers for "
                    + facts.size() + " facts");
        }
        if (readings != null && readings.size() != facts.size()) {
            throw new IllegalStateException(readings.size() + " readings for " + facts.size() + " facts");
        }
        List<Prediction> predictions = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            PreparedRow row = facts.get(i);
            String answer = answers.get(i);
            boolean correct = metric.correct(answer, row.assistant());
            double rougeL = RougeL.f1(answer, row.assistant());
            if (readings == null) {
                predictions.add(new Prediction(row.id(), row.user(), answer, row.assistant(), correct, rougeL));
            } else {
                AnswerProbe.Reading reading = readings.get(i);
                List<Boolean> top1 = new ArrayList<>();
                for (boolean hit : reading.goldTop1()) {
                    top1.add(hit);
                }
                predictions.add(new Prediction(row.id(), row.user(), answer, row.assistant(), correct, rougeL,
                        reading.meanLogProb(), reading.tokenAccuracy(),
                        Arrays.stream(reading.goldProbability()).boxed().toList(), top1));
            }
        }
        return new TargetScore(predictions);
    }
}
