package ai.mnemo.events.spec;

import java.util.List;

/** Every default of docs/experiment-spec.md, in one place; the records' {@code resolve()} methods apply them. */
public final class SpecDefaults {

    public static final long MODEL_SEED = 0L;
    public static final String SPLIT = "A";
    public static final int SIZE = 2000;
    public static final String FORMAT = SpecVocabulary.QA;
    public static final String GATE = SpecVocabulary.GATE_NONE;
    public static final double MIXING_RATIO = 2.0;
    public static final int WORDS_PER_SEQUENCE = 50;
    public static final List<Long> SEEDS = List.of(0L);
    /** Mnemo's defaults for the baselines' parameters (the paper does not publish its values): docs/science.md. */
    public static final double KL_WEIGHT = 1.0;
    public static final double EWC_LAMBDA = 1000.0;
    public static final int LORA_RANK = 8;

    /** The experiment-level training block when the spec says nothing. */
    public static final TrainingSpec TRAINING = new TrainingSpec(5e-5, 32, 0.05, 0.0, 1.0, 2048,
            new StoppingSpec(SpecVocabulary.AUTO, 20, 1e-4, 10), null, null, null);

    /** No cap of its own: each dataset gets the catalogue's cap (data-service's DefaultGenerationCaps). */
    public static final EvaluationSpec EVALUATION = new EvaluationSpec(null, 32);

    private SpecDefaults() {
    }

    /**
     * The known-fact filter runs on the factoid datasets except KVR, whose facts are random and so unknown by design;
     * the paper filters factoid sets only.
     */
    public static boolean filter(String dataset) {
        return !SpecVocabulary.KVR.equals(dataset) && !SpecVocabulary.NON_FACTOID.contains(dataset);
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
