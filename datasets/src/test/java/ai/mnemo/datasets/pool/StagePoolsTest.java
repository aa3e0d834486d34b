package ai.mnemo.datasets.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.datasets.mixing.WordList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePoolsTest {

    private static final WordList WORDS = WordList.standard();
    private static final List<PreparedRow> D_A = KvrSplits.rows("A", 100, "qa", WORDS);
    private static final List<PreparedRow> D_B = KvrSplits.rows("B", 100, "qa", WORDS);

    @TempDir
    Path dir;

    @Test
    void aNaiveStageIsItsFactsShuffled() {
        PreparedStage stage = StagePools.build(D_A, null, null, 0, 0);

        assertEquals(new PoolCounts(100, 0, 0, 100), stage.counts());
        assertEquals(new HashSet<>(D_A), new HashSet<>(stage.rows()));
        assertNotEquals(D_A, stage.rows(), "shuffled");
    }

    @Test
    void mixingAddsRatioTimesFactsRowsShuffledIn() {
        PreparedStage stage = StagePools.build(D_A, new MixingRecipe(WORDS, 2, 50), null, 0, 0);

        assertEquals(new PoolCounts(100, 200, 0, 300), stage.counts());
        Map<String, Long> parts = stage.rows().stream()
                .collect(Collectors.groupingBy(PreparedRow::part, Collectors.counting()));
        assertEquals(Map.of("fact", 100L, "mixing", 200L), parts);
        assertFalse(stage.rows().subList(0, 100).stream().allMatch(PreparedRow::isFact), "mixed in, not appended");
        assertEquals(new PoolCounts(100, 50, 0, 150),
                StagePools.build(D_A, new MixingRecipe(WORDS, 0.5, 50), null, 0, 0).counts());
    }

    @Test
    void replayAddsAShareOfDaToALaterStage() {
        PreparedStage stage = StagePools.build(D_B, null, new ReplayRecipe(D_A, 0.05), 0, 1);

        assertEquals(new PoolCounts(100, 0, 5, 105), stage.counts());
        Map<String, PreparedRow> da = D_A.stream().collect(Collectors.toMap(PreparedRow::user, Function.identity()));
        List<PreparedRow> replayed = stage.rows().stream().filter(row -> PreparedRow.REPLAY.equals(row.part())).toList();
        assertEquals(5, replayed.size());
        for (PreparedRow row : replayed) {
            assertEquals(da.get(row.user()).assistant(), row.assistant(), "a replayed row is a D_A fact");
        }
        assertEquals(new PoolCounts(100, 100, 10, 210),
                StagePools.build(D_B, new MixingRecipe(WORDS, 1, 50), new ReplayRecipe(D_A, 0.1), 0, 1).counts());
    }

    @Test
    void theSameInputsAndSeedGiveByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        byte[] first = write("first", StagePools.build(D_B, new MixingRecipe(WORDS, 2, 50), new ReplayRecipe(D_A, 0.1), 3, 1));
        byte[] second = write("second", StagePools.build(D_B, new MixingRecipe(WORDS, 2, 50), new ReplayRecipe(D_A, 0.1), 3, 1));
        byte[] otherSeed = write("other", StagePools.build(D_B, new MixingRecipe(WORDS, 2, 50), new ReplayRecipe(D_A, 0.1), 4, 1));

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, otherSeed));
        List<PreparedRow> factsFirst = PreparedRows.facts(dir.resolve("first.jsonl"));
        List<PreparedRow> factsOther = PreparedRows.facts(dir.resolve("other.jsonl"));
        assertEquals(new HashSet<>(factsFirst), new HashSet<>(factsOther), "another seed, the same facts");
        assertNotEquals(factsFirst, factsOther, "in another order");
    }

    @Test
    void theStageIndexSeedsItsOwnStreams() {
        assertNotEquals(StagePools.build(D_A, new MixingRecipe(WORDS, 1, 50), null, 0, 0).rows(),
                StagePools.build(D_A, new MixingRecipe(WORDS, 1, 50), null, 0, 1).rows());
    }

    @Test
    void onlyFactsMayBeAStagesOwnRows() {
        List<PreparedRow> notFacts = List.of(new PreparedRow("mix-0", "a", "b", PreparedRow.MIXING));
        assertThrows(IllegalArgumentException.class, () -> StagePools.build(notFacts, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayRecipe(notFacts, 0.1));
    }

    private byte[] write(String name, PreparedStage stage) throws IOException {
        Path file = dir.resolve(name + ".jsonl");
        PreparedRows.write(file, stage.rows());
        return Files.readAllBytes(file);
    }
}
