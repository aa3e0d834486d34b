package ai.mnemo.datasets.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.mixing.GenericPassages;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.datasets.pool.MixingRecipe;
import ai.mnemo.datasets.pool.PoolCounts;
import ai.mnemo.datasets.pool.PreparedStage;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.Fixtures;
import ai.mnemo.datasets.source.SourcePool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactStageTest {

    @TempDir
    Path dir;

    private SourcePool popqa() {
        return SourcePool.read(DatasetSources.named("popqa"), Fixtures.copy("popqa.jsonl", dir), "popqa.jsonl");
    }

    private byte[] write(String name, PreparedStage stage) throws IOException {
        Path file = dir.resolve(name);
        PreparedRows.write(file, stage.rows());
        return Files.readAllBytes(file);
    }

    @Test
    void theSameInputsAndSeedGiveTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        SourcePool pool = popqa();
        Selection a = Splits.select(pool.facts(), null, 0, 4, "popqa");
        MixingRecipe words = new MixingRecipe(WordList.standard(), 2, 10);

        byte[] first = write("1.jsonl", FactStage.build(pool, a, "multiple-choice", words, null, 7, 0));
        byte[] second = write("2.jsonl", FactStage.build(popqa(), a, "multiple-choice", words, null, 7, 0));
        byte[] otherSeed = write("3.jsonl", FactStage.build(pool, a, "multiple-choice", words, null, 8, 0));

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, otherSeed));
        List<PreparedRow> facts = PreparedRows.facts(dir.resolve("1.jsonl"));
        assertEquals(4, facts.size());
        assertTrue(facts.stream().allMatch(r -> r.user().contains("\nChoices:\nA. ") && r.assistant().matches("[A-D]\\. .+")));
    }

    @Test
    void genericPassagesAreMixedInAtTheRatio() {
        SourcePool pool = popqa();
        GenericPassages passages = GenericPassages.read(DatasetSources.passages("knowledge-pile"),
                Fixtures.copy("knowledge-pile.jsonl", dir), "knowledge-pile.jsonl");

        PreparedStage stage = FactStage.build(pool, Splits.select(pool.facts(), null, 0, 2, "popqa"), "qa",
                new MixingRecipe(2, passages), null, 0, 0);

        assertEquals(new PoolCounts(2, 4, 0, 6), stage.counts());
        assertTrue(stage.rows().stream().filter(r -> !r.isFact())
                .allMatch(r -> r.user().startsWith("Complete the following partial passage:\n\n")));
        assertTrue(stage.rows().stream().filter(PreparedRow::isFact)
                .allMatch(r -> r.user().endsWith("\nThe answer is: ")));
    }
}
