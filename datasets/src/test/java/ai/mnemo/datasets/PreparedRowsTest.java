package ai.mnemo.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedRowsTest {

    @Test
    void rowsRoundTripAndTheBytesAreStable(@TempDir Path dir) throws Exception {
        List<PreparedRow> rows = List.of(
                new PreparedRow("fact-0", "The value of key AB is?", "CD", PreparedRow.FACT),
                new PreparedRow("mix-0", "apple tree \"quoted\"\nline", "river ✓", PreparedRow.MIXING));
        PreparedRows.write(dir.resolve("a.jsonl"), rows);
        PreparedRows.write(dir.resolve("b.jsonl"), rows);
        assertEquals(rows, PreparedRows.read(dir.resolve("a.jsonl")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.jsonl")), Files.readAllBytes(dir.resolve("b.jsonl")));
        assertEquals(List.of(rows.get(0)), PreparedRows.facts(dir.resolve("a.jsonl")));
    }

    @Test
    void aBrokenLineIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.jsonl"), "{\"id\":\"x\",\"user\":\"u\",\"assistant\":\"a\",\"part\":\"fact\"}\n{oops\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreparedRows.read(dir.resolve("bad.jsonl")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
