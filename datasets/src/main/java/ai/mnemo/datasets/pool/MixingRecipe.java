package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.mixing.MixingSource;
import ai.mnemo.datasets.mixing.RandomWordsSource;
import ai.mnemo.datasets.mixing.WordList;

/** REMIX for one stage: {@code round(ratio x facts)} rows from {@code source}. */
public record MixingRecipe(double ratio, MixingSource source) {

    public MixingRecipe {
        if (source == null) {
            throw new IllegalArgumentException("mixing needs a source");
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("mixing needs a finite ratio > 0 (was " + ratio + ")");
        }
    }

    /** Random-word mixing: sequences of {@code wordsPerSequence} words from {@code words}. */
    public MixingRecipe(WordList words, double ratio, int wordsPerSequence) {
        this(ratio, new RandomWordsSource(words, wordsPerSequence));
    }
}
