package ai.mnemo.events.spec;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Generic sequences mixed into stages' pools: {@code ratio x facts} rows from {@code source}.
 *
 * @param stages the stages whose pool is mixed; default all of them
 * @param wordsPerSequence for {@code random-words}
 * @param path generic passages (JSONL/Parquet) under the data root
 */
public record MixingSpec(String source, Double ratio, List<Integer> stages, Integer wordsPerSequence, String path) {

    public MixingSpec {
        stages = SpecLists.copy(stages);
    }

    public MixingSpec resolve(int stageCount) {
        List<Integer> allStages = IntStream.range(0, stageCount).boxed().toList();
        return new MixingSpec(source, SpecDefaults.or(ratio, SpecDefaults.MIXING_RATIO),
                SpecDefaults.or(stages, allStages),
                SpecDefaults.or(wordsPerSequence, SpecDefaults.WORDS_PER_SEQUENCE), path);
    }
}
