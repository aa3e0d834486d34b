package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.Seeds;
import ai.mnemo.datasets.mixing.RandomWordSequences;
import ai.mnemo.datasets.replay.Replay;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a stage's training pool: its facts, plus REMIX's mixing rows and the replay baseline's D_A rows when the
 * run's method asks for them, shuffled into one list. Every random choice is seeded from the run's seed and the
 * stage index through {@link Seeds} (one stream per purpose), so the same inputs always give the same rows in the
 * same order, and another seed gives another order and other mixing rows but the same facts.
 */
public final class StagePools {

    private StagePools() {
    }

    /**
     * @param facts the stage's fact rows (part {@code fact})
     * @param mixing null when the stage is not mixed
     * @param replay null when the stage replays nothing
     */
    public static PreparedStage build(List<PreparedRow> facts, MixingRecipe mixing, ReplayRecipe replay, long runSeed,
            int stageIndex) {
        if (facts.stream().anyMatch(row -> !row.isFact())) {
            throw new IllegalArgumentException("a stage's own rows must all be facts");
        }
        List<PreparedRow> mixed = mixing == null ? List.of()
                : mixing.source().rows(RandomWordSequences.count(mixing.ratio(), facts.size()),
                        Seeds.random(runSeed, Seeds.MIXING, stageIndex));
        List<PreparedRow> replayed = replay == null ? List.of()
                : Replay.sample(replay.stageZeroFacts(), replay.fraction(),
                        Seeds.random(runSeed, Seeds.REPLAY, stageIndex));
        List<PreparedRow> pool = new ArrayList<>(facts.size() + mixed.size() + replayed.size());
        pool.addAll(facts);
        pool.addAll(mixed);
        pool.addAll(replayed);
        Seeds.shuffle(pool, Seeds.random(runSeed, Seeds.SHUFFLE, stageIndex));
        return new PreparedStage(pool, new PoolCounts(facts.size(), mixed.size(), replayed.size(), pool.size()));
    }
}
