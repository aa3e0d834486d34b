package ai.mnemo.datasets.mixing;

import ai.mnemo.datasets.PreparedRow;
import java.util.List;
import java.util.Random;

/** {@link RandomWordSequences} as a mixing source: sequences of {@code wordsPerSequence} words from {@code words}. */
public record RandomWordsSource(WordList words, int wordsPerSequence) implements MixingSource {

    public RandomWordsSource {
        if (words == null || wordsPerSequence < 1) {
            throw new IllegalArgumentException("random-word mixing needs a word list and wordsPerSequence >= 1 (was "
                    + wordsPerSequence + ")");
        }
    }

    @Override
    public List<PreparedRow> rows(int count, Random random) {
        return RandomWordSequences.rows(words, count, wordsPerSequence, random);
    }

    @Override
    public String sourcePath() {
        return words.source();
    }

    @Override
    public String sourceSha256() {
        return words.sha256();
    }
}
