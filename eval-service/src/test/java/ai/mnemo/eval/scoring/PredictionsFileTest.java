package ai.mnemo.eval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {

    @Test
    void namesTheFileByStageAndDatasetWithoutUnsafeCharacters() {
        assertEquals("stage0-kvr_A.jsonl", PredictionsFile.name(0, "kvr:A"));
        assertEquals("stage12-popqa.jsonl", PredictionsFile.name(12, "popqa"));
        assertEquals("stage1-hf_org_set.jsonl", PredictionsFile.name(1, "hf:org/set"));
    }

    @Test
    void writesOneJsonObjectPerLineWithTheFieldsInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("predictions").resolve("stage0-kvr_A.jsonl");
        List<Prediction> predictions = List.of(
                new Prediction("fact-0", "The value of key AB is?", "XY12", "XY12", true, 1.0),
                new Prediction("fact-1", "Où est \"Paris\"?", "", "France", false, 0.0));

        PredictionsFile.write(file, predictions);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("{\"id\":\"fact-0\",\"prompt\":\"The value of key AB is?\",\"prediction\":\"XY12\","
                + "\"gold\":\"XY12\",\"correct\":true,\"rougeL\":1.0}", lines.get(0));
        assertEquals(predictions, PredictionsFile.read(file));
        assertFalse(Files.exists(dir.resolve("predictions").resolve("stage0-kvr_A.jsonl.tmp")));
    }

    @Test
    void aRerunReplacesTheWholeFile(@TempDir Path dir) {
        Path file = dir.resolve("stage1-kvr_B.jsonl");
        PredictionsFile.write(file, List.of(
                new Prediction("a", "q1", "x", "y", false, 0.0),
                new Prediction("b", "q2", "y", "y", true, 1.0),
                new Prediction("c", "q3", "z", "y", false, 0.0)));
        List<Prediction> second = List.of(new Prediction("a", "q1", "y", "y", true, 1.0));

        PredictionsFile.write(file, second);

        assertEquals(second, PredictionsFile.read(file));
    }
}
