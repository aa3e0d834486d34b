package ai.mnemo.events.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Generic sequences mixed into stages' pools: {@code ratio x facts} rows from {@code source}.
 *
 * @param stages the stages whose pool is mixed; default all of them
 * @param wordsPerSequence for {@code random-words}
 * @param path generic passages (JSONL/Parquet) under the data root
 * @param byStage per stage, the keys that differ there (source, ratio, wordsPerSequence, path): the paper's
 *     separate stage-1 and stage-2 settings ({@code mixd}/{@code mix_ratio} and {@code mixd_B}/{@code mix_ratio_B})
 */
public record MixingSpec(String source, Double ratio, List<Integer> stages, Integer wordsPerSequence, String path,
        Map<Integer, MixingSpec> byStage) {

    public MixingSpec {
        stages = SpecLists.copy(stages);
        byStage = byStage == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byStage));
    }

    /** Mixing of the same source for every stage listed, without per-stage settings. */
    public MixingSpec(String source, Double ratio, List<Integer> stages, Integer wordsPerSequence, String path) {
        this(source, ratio, stages, wordsPerSequence, path, null);
    }

    public MixingSpec resolve(int stageCount) {
        List<Integer> allStages = IntStream.range(0, stageCount).boxed().toList();
        return new MixingSpec(source, SpecDefaults.or(ratio, SpecDefaults.MIXING_RATIO),
                SpecDefaults.or(stages, allStages),
                SpecDefaults.or(wordsPerSequence, SpecDefaults.WORDS_PER_SEQUENCE), path, byStage);
    }

    /**
     * The mixing of stage {@code i} of a resolved spec: this block with the stage's own keys from {@code byStage}
     * over it, without stage lists; null when stage {@code i} is not mixed.
     */
    public MixingSpec forStage(int i) {
        if (!stages.contains(i)) {
            return null;
        }
        MixingSpec own = byStage == null ? null : byStage.get(i);
        if (own == null) {
            return new MixingSpec(source, ratio, null, wordsPerSequence, path, null);
        }
        return new MixingSpec(SpecDefaults.or(own.source, source), SpecDefaults.or(own.ratio, ratio), null,
                SpecDefaults.or(own.wordsPerSequence, wordsPerSequence), SpecDefaults.or(own.path, path), null);
    }

    /** This block with another base ratio (a grid's mixRatios); per-stage ratios written in byStage stay. */
    public MixingSpec withRatio(double value) {
        return new MixingSpec(source, value, stages, wordsPerSequence, path, byStage);
    }
}
