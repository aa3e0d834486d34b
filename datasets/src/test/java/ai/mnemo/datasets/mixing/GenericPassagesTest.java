package ai.mnemo.datasets.mixing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.Fixtures;
import ai.mnemo.datasets.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericPassagesTest {

    @TempDir
    Path dir;

    private static String words(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    }

    @Test
    void aPassageOfAtLeastOneHundredWordsBecomesPromptPlusFiftyWordsAndTheNextFifty() {
        GenericPassages passages = GenericPassages.of("fineweb.jsonl", "00", List.of(
                words(0, 99), "  " + words(0, 60) + "\n\n" + words(60, 60) + "  ", words(0, 100)));

        assertEquals(2, passages.available(), "99 words is too short");
        List<PreparedRow> rows = passages.rows(2, new Random(1));
        PreparedRow longer = rows.stream().filter(r -> r.assistant().endsWith("w99")).findFirst().orElseThrow();
        assertEquals("Complete the following partial passage:\n\n" + words(0, 50), longer.user());
        assertEquals(words(50, 50), longer.assistant());
        assertEquals(List.of("mix-0", "mix-1"), rows.stream().map(PreparedRow::id).toList());
        assertTrue(rows.stream().allMatch(r -> PreparedRow.MIXING.equals(r.part())));
    }

    @Test
    void rowsAreDistinctSeededDrawsAndTooFewPassagesAreNamed() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add(words(i * 1000, 100));
        }
        GenericPassages passages = GenericPassages.of("kp.jsonl", "00", texts);

        List<PreparedRow> first = passages.rows(20, new Random(5));
        assertEquals(first, passages.rows(20, new Random(5)));
        assertNotEquals(first, passages.rows(20, new Random(6)));
        assertEquals(20, new HashSet<>(first.stream().map(PreparedRow::user).toList()).size(), "without replacement");
        SourceException e = assertThrows(SourceException.class, () -> passages.rows(31, new Random(1)));
        assertEquals("kp.jsonl has 30 passages of at least 100 words in its first 20000 rows, but the stage needs 31"
                + " mixing rows: lower mixing.ratio or give a larger export", e.getMessage());
    }

    @Test
    void eachMixingSourceReadsItsOwnColumn() {
        GenericPassages kp = GenericPassages.read(DatasetSources.passages("knowledge-pile"),
                Fixtures.copy("knowledge-pile.jsonl", dir), "knowledge-pile.jsonl");
        GenericPassages arxiv = GenericPassages.read(DatasetSources.passages("arxiv-pile"),
                Fixtures.copy("arxiv-pile.jsonl", dir), "arxiv-pile.jsonl");
        GenericPassages web = GenericPassages.read(DatasetSources.passages("fineweb"),
                Fixtures.copy("fineweb.jsonl", dir), "fineweb.jsonl");

        assertEquals(4, kp.available(), "120, 150, 101 and 300 words; 40 and 99 are too short");
        assertEquals(2, arxiv.available());
        assertEquals(3, web.available());
        assertEquals("knowledge-pile.jsonl", kp.sourcePath());
        SourceException wrongColumn = assertThrows(SourceException.class, () -> GenericPassages.read(
                DatasetSources.passages("knowledge-pile"), Fixtures.copy("fineweb.jsonl", dir), "fineweb.jsonl"));
        assertTrue(wrongColumn.getMessage().startsWith("fineweb.jsonl: column 'content' is missing"));
    }
}
