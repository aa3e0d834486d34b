package ai.mnemo.datasets.format;

import java.util.Set;

/**
 * The user turn of a fact, per dataset (PAPER.md, "Datasets"): PopQA and TriviaQA questions are followed by
 * {@code \nThe answer is: }; LAMA, EntityQuestions and WebQA questions stand alone; non-factoid sets use their
 * instruction as given. (KVR's question is its own template, {@code The value of key {key} is?}.) The Tulu chat
 * wrapping around the user turn is applied by the trainer and the evaluator, never stored.
 */
public final class Templates {

    public static final String ANSWER_IS = "\nThe answer is: ";

    /** Datasets whose questions end with {@link #ANSWER_IS}. */
    public static final Set<String> WITH_ANSWER_SUFFIX = Set.of("popqa", "triviaqa");

    private Templates() {
    }

    public static String user(String dataset, String question) {
        return WITH_ANSWER_SUFFIX.contains(dataset) ? question + ANSWER_IS : question;
    }
}
