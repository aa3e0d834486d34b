package ai.mnemo.datasets.probe;

import ai.mnemo.datasets.Fact;
import java.util.List;

/**
 * The known-fact filter's prompt (PAPER.md: "few-shot in-context prompt, greedy, at most 20 new tokens"). The base
 * model sees plain text, no chat template (it has not been tuned on one), with the raw question (no dataset
 * template):
 * <pre>
 * Q: {demonstration question 1}
 * A: {demonstration answer 1}
 *
 * ... (one block per demonstration)
 *
 * Q: {question}
 * A:</pre>
 * Its answer is what it generates up to the first line break, stripped ({@link #answer}), which the dataset's metric
 * then compares with the gold answer.
 */
public final class FewShotPrompt {

    private FewShotPrompt() {
    }

    public static String prompt(List<Fact> demonstrations, String question) {
        StringBuilder text = new StringBuilder();
        for (Fact demo : demonstrations) {
            text.append("Q: ").append(demo.question()).append("\nA: ").append(demo.answer()).append("\n\n");
        }
        return text.append("Q: ").append(question).append("\nA:").toString();
    }

    /** The generated continuation's first line, without surrounding white space (a base model keeps going). */
    public static String answer(String generated) {
        String text = generated.stripLeading();
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
