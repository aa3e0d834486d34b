package ai.mnemo.data.catalogue;

import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.v1.EvalTarget;

/**
 * A dataset's generation cap when the spec names none. Factoid answers are judged whole (exact match, substring,
 * choice letter): tokens past the longest gold answer can only make an answer wrong, so the cap fits the gold
 * answers ({@link EvalTarget#FIT_GOLD_ANSWERS}; eval-service measures them with the model's tokenizer). Non-factoid
 * sets are scored on the whole generation (last number, ROUGE-L): they get the paper's cap of 1000 new tokens.
 */
public final class DefaultGenerationCaps {

    /** The paper's {@code max_new_tokens} (its src/run_eval.py). */
    public static final int PAPER_CAP = 1000;

    private DefaultGenerationCaps() {
    }

    public static int of(String dataset) {
        boolean factoid = SpecVocabulary.KVR.equals(dataset) || DatasetSources.named(dataset).factoid();
        return factoid ? EvalTarget.FIT_GOLD_ANSWERS : PAPER_CAP;
    }
}
