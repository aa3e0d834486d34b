package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.config.SequenceLimit;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageDatasetTest {

    @TempDir
    Path root;

    @Test
    void readsTheRowsAndKeepsTheFactsApart() {
        ArtifactStore store = new ArtifactStore(root);
        Path file = store.run("r1").stage(0).dataset();
        PreparedRows.write(file, List.of(
                new PreparedRow("fact-0", "q0", "a0", PreparedRow.FACT),
                new PreparedRow("mix-0", "q1", "a1", PreparedRow.MIXING),
                new PreparedRow("fact-1", "q2", "a2", PreparedRow.FACT)));

        StageDataset dataset = StageDataset.read(store, store.uri(file));
        assertEquals(3, dataset.rows().size());
        assertEquals(List.of("fact-0", "fact-1"), dataset.facts().stream().map(PreparedRow::id).toList());
    }

    @Test
    void aMissingFileIsNamed() {
        ArtifactStore store = new ArtifactStore(root);
        Path file = store.run("r1").stage(0).dataset();
        JobFailure failure = assertThrows(JobFailure.class, () -> StageDataset.read(store, store.uri(file)));
        assertTrue(failure.getMessage().contains("dataset file " + file + " does not exist"), failure.getMessage());
    }

    @Test
    void aUriOutsideTheRootIsRefused() {
        ArtifactStore store = new ArtifactStore(root.resolve("artifacts"));
        String outside = root.resolve("secret.jsonl").toUri().toString();
        JobFailure failure = assertThrows(JobFailure.class, () -> StageDataset.read(store, outside));
        assertTrue(failure.getMessage().startsWith("datasetUri " + outside), failure.getMessage());
        assertTrue(failure.getMessage().contains("outside the artifact root"), failure.getMessage());
    }

    @Test
    void anEmptyOrMalformedFileIsNamed() throws IOException {
        ArtifactStore store = new ArtifactStore(root);
        Path empty = Files.createFile(root.resolve("empty.jsonl"));
        JobFailure none = assertThrows(JobFailure.class, () -> StageDataset.read(store, store.uri(empty)));
        assertTrue(none.getMessage().contains(empty + " has no rows"), none.getMessage());

        Path broken = Files.writeString(root.resolve("broken.jsonl"),
                "{\"id\":\"fact-0\",\"user\":\"q\",\"assistant\":\"a\",\"part\":\"fact\"}\nnot json\n");
        JobFailure unreadable = assertThrows(JobFailure.class, () -> StageDataset.read(store, store.uri(broken)));
        assertTrue(unreadable.getMessage().contains(broken + " is unreadable"), unreadable.getMessage());
        assertTrue(unreadable.getMessage().contains("line 2"), unreadable.getMessage());
    }

    @Test
    void aRowLongerThanTheLimitIsNamedWithItsLength() {
        Path tokenizerFile = root.resolve(TextTokenizer.FILE);
        ByteTokenizerDefinition.write(tokenizerFile);
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerFile)) {
            ChatTemplate template = new ChatTemplate(tokenizer, ByteTokenizerDefinition.BOS,
                    ByteTokenizerDefinition.EOS);
            List<PreparedRow> rows = List.of(new PreparedRow("fact-0", "q", "a", PreparedRow.FACT),
                    new PreparedRow("fact-1", "x".repeat(40), "y", PreparedRow.FACT));
            int shortLength = template.encode(new ai.mnemo.lm.chat.ChatExample("q", "a")).length();

            List<EncodedExample> encoded = StageDataset.encode(rows.subList(0, 1), template,
                    new SequenceLimit(shortLength, "limit"));
            assertEquals(shortLength, encoded.get(0).length());

            JobFailure failure = assertThrows(JobFailure.class,
                    () -> StageDataset.encode(rows, template,
                            new SequenceLimit(32, "settings.maxSequenceLength 32")));
            int longLength = shortLength + 39;
            assertTrue(failure.getMessage().startsWith("row fact-1 is " + longLength + " tokens long, over the "
                    + "limit of 32 (settings.maxSequenceLength 32)"), failure.getMessage());
            assertEquals(12, MemorizationProbes.maxNewTokens(List.of("ABCDEFGH", "ABCDEFGHIJ"), tokenizer));
        }
    }
}
