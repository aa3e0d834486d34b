package ai.mnemo.datasets.mixing;

import ai.mnemo.datasets.PreparedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * REMIX's random-word mixing data: sequences of dictionary words with no facts in them, mixed into a stage's pool so
 * the model keeps fitting generic text while it memorizes. Each sequence of {@code n} words becomes a user/assistant
 * pair: the first {@code floor(n/2)} words are the user turn, the other {@code ceil(n/2)} the answer (the paper
 * does not say how a sequence is split; see docs/science.md).
 */
public final class RandomWordSequences {

    public static final String ID_PREFIX = "mix-";

    private RandomWordSequences() {
    }

    /**
     * {@code count} rows {@code mix-0 .. mix-(count-1)}; the same words, count, length and generator state give the
     * same rows, and a longer list extends a shorter one drawn from the same seed.
     */
    public static List<PreparedRow> rows(WordList words, int count, int wordsPerSequence, Random random) {
        if (count < 0 || wordsPerSequence < 1) {
            throw new IllegalArgumentException("need count >= 0 and wordsPerSequence >= 1 (were " + count + ", "
                    + wordsPerSequence + ")");
        }
        int userWords = wordsPerSequence / 2;
        List<PreparedRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = words.draw(random, userWords);
            String assistant = words.draw(random, wordsPerSequence - userWords);
            rows.add(new PreparedRow(ID_PREFIX + i, user, assistant, PreparedRow.MIXING));
        }
        return rows;
    }

    /** Mixing rows for a stage of {@code facts} facts at {@code ratio}: {@code round(ratio x facts)}. */
    public static int count(double ratio, int facts) {
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("mixing ratio must be a finite number >= 0 (was " + ratio + ")");
        }
        return Math.toIntExact(Math.round(ratio * facts));
    }
}
