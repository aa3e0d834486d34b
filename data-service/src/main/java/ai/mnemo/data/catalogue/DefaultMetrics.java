package ai.mnemo.data.catalogue;

import ai.mnemo.events.spec.SpecVocabulary;
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

    public static final String EXACT_MATCH = SpecVocabulary.EXACT_MATCH;
    public static final String SUBSTRING = SpecVocabulary.SUBSTRING;
    public static final String LAST_NUMBER = SpecVocabulary.LAST_NUMBER;
    public static final String CHOICE_LETTER = SpecVocabulary.CHOICE_LETTER;
    public static final String MULTIPLE_CHOICE = SpecVocabulary.MULTIPLE_CHOICE;

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
