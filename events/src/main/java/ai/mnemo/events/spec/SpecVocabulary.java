package ai.mnemo.events.spec;

import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;
import java.util.List;

/** The names a spec may use, in the order the doc lists them (which is also the order of error messages). */
public final class SpecVocabulary {

    public static final String KVR = "kvr";
    public static final String AUTO = "auto";
    public static final String NAIVE = "naive";
    public static final String REMIX = "remix";
    public static final String REPLAY = "replay";
    public static final String KL = "kl";
    public static final String EWC = "ewc";
    public static final String LORA = "lora";
    public static final String QA = "qa";
    public static final String MULTIPLE_CHOICE = "multiple-choice";
    public static final String RANDOM_PREFIX = "random-prefix";
    public static final String RANDOM_WORDS = "random-words";
    public static final String EXACT_MATCH = "exact-match";
    public static final String SUBSTRING = "substring";
    public static final String LAST_NUMBER = "last-number";
    public static final String CHOICE_LETTER = "choice-letter";
    public static final String GATE_NONE = "none";
    public static final String GATE_MEMORIZED = StoppingRule.MEMORIZED;

    public static final List<String> PRESETS = List.of("tiny", "small");
    public static final List<String> DATASETS = List.of(KVR, "popqa", "triviaqa", "entityquestions", "lama", "webqa",
            "ultrachat", "evolcode", "apps", "gsm8k", "math", "passages");
    /** Datasets without short factual answers: no known-fact filter, no multiple choice. */
    public static final List<String> NON_FACTOID = List.of("ultrachat", "evolcode", "apps", "gsm8k", "math",
            "passages");
    public static final List<String> SPLITS = List.of("A", "B");
    public static final List<String> FORMATS = List.of(QA, MULTIPLE_CHOICE, RANDOM_PREFIX);
    public static final List<String> METRICS = List.of(EXACT_MATCH, SUBSTRING, LAST_NUMBER, CHOICE_LETTER);
    public static final List<String> GATES = List.of(GATE_NONE, GATE_MEMORIZED);
    public static final List<String> STOPPING_RULES = List.of(AUTO, StoppingRule.FIXED_EPOCHS,
            StoppingRule.LOSS_THRESHOLD, StoppingRule.MEMORIZED);
    public static final List<String> METHODS = List.of(NAIVE, REMIX, REPLAY, KL, EWC, LORA);
    /** The projections a LoRA adapter may target (PEFT's q_proj ... down_proj). */
    public static final List<String> LORA_TARGETS = List.of("q", "k", "v", "o", "gate", "up", "down");
    public static final List<String> LOSSES = List.of("answer", "answer-and-padding");
    /** Training precisions: docs/lm.md says what each keeps in which dtype. */
    public static final List<String> PRECISIONS = TrainingSettings.PRECISIONS;
    public static final List<String> MIXING_SOURCES = List.of(RANDOM_WORDS, "knowledge-pile", "arxiv-pile",
            "fineweb", "passages");

    private SpecVocabulary() {
    }
}
