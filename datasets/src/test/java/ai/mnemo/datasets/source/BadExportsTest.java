package ai.mnemo.datasets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad export is refused with a message that names the file and what is wrong with it. */
class BadExportsTest {

    @TempDir
    Path dir;

    private static SourceException refused(String dataset, Path file, String shownAs) {
        return assertThrows(SourceException.class,
                () -> SourcePool.read(DatasetSources.named(dataset), file, shownAs));
    }

    @Test
    void aMissingFileIsNamed() {
        SourceException e = refused("popqa", dir.resolve("nope.jsonl"), "exports/nope.jsonl");
        assertTrue(e.getMessage().startsWith("exports/nope.jsonl: no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("put the popqa export there or fix the path"), e.getMessage());
    }

    @Test
    void aMissingColumnIsNamedWithTheFileAndTheColumnsItHas() throws IOException {
        Path triviaAsPopqa = Fixtures.copy("triviaqa.jsonl", dir);
        SourceException e = refused("popqa", triviaAsPopqa, "triviaqa.jsonl");
        assertTrue(e.getMessage().startsWith("triviaqa.jsonl: column 'possible_answers' is missing; popqa reads"
                + " question, possible_answers (the file has: question, question_id,"), e.getMessage());

        Path parquet = Fixtures.parquet(Fixtures.copy("lama.jsonl", dir), dir.resolve("lama.parquet"));
        SourceException fromParquet = refused("triviaqa", parquet, "lama.parquet");
        assertTrue(fromParquet.getMessage().startsWith("lama.parquet: column 'question' is missing; triviaqa reads"
                + " question, answer (the file has: uuid, obj_uri, obj_label,"), fromParquet.getMessage());
    }

    @Test
    void aValueOfTheWrongShapeNamesItsRowAndColumn() throws IOException {
        Path file = dir.resolve("popqa.jsonl");
        Files.writeString(file, "{\"question\": \"Q1?\", \"possible_answers\": \"[\\\"a\\\"]\"}\n"
                + "{\"question\": \"Q2?\", \"possible_answers\": \"['python', 'repr']\"}\n");
        SourceException e = refused("popqa", file, "popqa.jsonl");
        assertTrue(e.getMessage().startsWith("popqa.jsonl row 2: column 'possible_answers' holds text that is not a"
                + " JSON list: ['python', 'repr']"), e.getMessage());

        Files.writeString(file, "{\"question\": \"Q1?\", \"possible_answers\": \"[\\\"a\\\"]\"}\nnot json\n");
        assertTrue(refused("popqa", file, "popqa.jsonl").getMessage().startsWith("popqa.jsonl line 2 is not JSON"));

        Files.writeString(file, "{\"question\": null, \"possible_answers\": \"[\\\"a\\\"]\"}\n");
        assertEquals("popqa.jsonl row 1: column 'question' is missing or null; fix the export or choose the dataset"
                + " whose schema it has (see docs/datasets.md)", refused("popqa", file, "popqa.jsonl").getMessage());
    }

    @Test
    void unsupportedEmptyAndUnreadableFilesAreRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("popqa.csv"), "question,possible_answers\n");
        assertTrue(refused("popqa", csv, "popqa.csv").getMessage().contains("unsupported file type"));

        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertTrue(refused("popqa", empty, "empty.jsonl").getMessage().contains("has no rows"));

        Path fake = Files.writeString(dir.resolve("fake.parquet"), "this is not parquet");
        assertTrue(refused("popqa", fake, "fake.parquet").getMessage().startsWith("fake.parquet is not a readable"
                + " Parquet file"), refused("popqa", fake, "fake.parquet").getMessage());
        assertTrue(refused("popqa", dir, "exports").getMessage().contains("is not a file"));
    }

    @Test
    void anUnknownDatasetOrMixingSourceIsNamed() {
        assertTrue(assertThrows(SourceException.class, () -> DatasetSources.named("squad")).getMessage()
                .startsWith("unknown dataset squad (known: kvr, popqa, triviaqa,"));
        assertTrue(assertThrows(SourceException.class, () -> DatasetSources.passages("wikipedia")).getMessage()
                .startsWith("unknown generic-text mixing source wikipedia"));
    }
}
