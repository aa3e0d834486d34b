package ai.mnemo.eval.scoring;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.metrics.RougeL;
import java.util.ArrayList;
import java.util.List;

/** Scores one target: generate an answer for every fact, judge it with the target's metric, add ROUGE-L. */
public final class TargetScorer {

    private TargetScorer() {
    }

    /**
     * @param facts the target's fact rows, in file order (mixing and replay rows are never evaluated)
     * @param maxNewTokens the target's generation cap
     */
    public static TargetScore score(List<PreparedRow> facts, Metric metric, Generation generation, int maxNewTokens) {
        List<String> users = facts.stream().map(PreparedRow::user).toList();
        List<String> answers = generation.answers(users, maxNewTokens);
        if (answers.size() != facts.size()) {
            throw new IllegalStateException("generation returned " + answers.size() + " answers for "
                    + facts.size() + " facts");
        }
        List<Prediction> predictions = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            PreparedRow row = facts.get(i);
            String answer = answers.get(i);
            predictions.add(new Prediction(row.id(), row.user(), answer, row.assistant(),
                    metric.correct(answer, row.assistant()), RougeL.f1(answer, row.assistant())));
        }
        return new TargetScore(predictions);
    }
}
