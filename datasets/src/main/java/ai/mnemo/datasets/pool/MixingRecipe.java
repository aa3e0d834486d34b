package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.mixing.WordList;

/**
 * Random-word mixing for one stage: {@code round(ratio x facts)} sequences of {@code wordsPerSequence} words from
 * {@code words}.
 */
public record MixingRecipe(WordList words, double ratio, int wordsPerSequence) {

    public MixingRecipe {
        if (words == null) {
            throw new IllegalArgumentException("mixing needs a word list");
        }
        if (!(ratio > 0) || Double.isInfinite(ratio) || wordsPerSequence < 1) {
            throw new IllegalArgumentException("mixing needs ratio > 0 and wordsPerSequence >= 1 (were " + ratio
                    + ", " + wordsPerSequence + ")");
        }
    }
}
