package ai.mnemo.datasets.kvr;

import ai.mnemo.datasets.mixing.WordList;
import java.util.Random;

/**
 * KVR's {@code random-prefix} format: an unrelated passage of 0..50 random dictionary words and a blank line before
 * the question, so the model must find the key inside noise. A passage of zero words leaves the question as it is
 * (no lone blank line).
 */
public final class RandomPrefix {

    /** Inclusive bounds of the passage length, in words. */
    public static final int MIN_WORDS = 0;
    public static final int MAX_WORDS = 50;

    private RandomPrefix() {
    }

    /** {@code passage + "\n\n" + question}, the passage's length and words drawn from {@code random}. */
    public static String apply(String question, WordList words, Random random) {
        int length = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        if (length == 0) {
            return question;
        }
        return words.draw(random, length) + "\n\n" + question;
    }
}
