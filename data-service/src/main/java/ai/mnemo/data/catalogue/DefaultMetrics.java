package ai.mnemo.data.catalogue;

import java.util.Map;

/**
 * A dataset's metric when the spec names none ("by dataset" in docs/experiment-spec.md):
 *
 * <pre>
 * format multiple-choice                       choice-letter (whatever the dataset)
 * kvr, popqa, triviaqa, lama, entityquestions  exact-match
 * webqa                                        substring
 * gsm8k                                        last-number
 * ultrachat, evolcode, apps, math              exact-match (ROUGE-L is the informative score for long answers)
 * </pre>
 */
public final class DefaultMetrics {

    public static final String EXACT_MATCH = "exact-match";
    public static final String SUBSTRING = "substring";
    public static final String LAST_NUMBER = "last-number";
    public static final String CHOICE_LETTER = "choice-letter";
    public static final String MULTIPLE_CHOICE = "multiple-choice";

    static final Map<String, String> BY_DATASET = Map.of(
            "kvr", EXACT_MATCH,
            "popqa", EXACT_MATCH,
            "triviaqa", EXACT_MATCH,
            "lama", EXACT_MATCH,
            "entityquestions", EXACT_MATCH,
            "webqa", SUBSTRING,
            "gsm8k", LAST_NUMBER);

    private DefaultMetrics() {
    }

    public static String of(String dataset, String format) {
        if (MULTIPLE_CHOICE.equals(format)) {
            return CHOICE_LETTER;
        }
        return BY_DATASET.getOrDefault(dataset, EXACT_MATCH);
    }
}
