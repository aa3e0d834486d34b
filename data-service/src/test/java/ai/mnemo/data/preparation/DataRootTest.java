package ai.mnemo.data.preparation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.testdata.TestData;
import ai.mnemo.datasets.source.SourceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

    @TempDir
    Path dir;

    @Test
    void pathsUnderTheRootResolveAndNeedNotExist() {
        DataRoot root = new DataRoot(TestData.install(dir.resolve("data")));

        assertEquals(dir.resolve("data/popqa-demo.jsonl"), root.resolve("popqa-demo.jsonl"));
        assertEquals(dir.resolve("data/exports/later.jsonl"), root.resolve("exports/./later.jsonl"));
        assertEquals(dir.resolve("data/x.jsonl"), root.resolve("exports/../x.jsonl"));
    }

    @Test
    void nothingOutsideTheRootIsOpened() {
        DataRoot root = new DataRoot(TestData.install(dir.resolve("data")));

        SourceException climb = assertThrows(SourceException.class, () -> root.resolve("../../etc/passwd"));
        assertTrue(climb.getMessage().startsWith("../../etc/passwd leads to "
                + dir.getParent().resolve("etc/passwd") + ", outside the data root " + dir.resolve("data")),
                climb.getMessage());
        assertTrue(assertThrows(SourceException.class, () -> root.resolve("/etc/passwd")).getMessage()
                .startsWith("/etc/passwd is not relative to the data root"));
        assertTrue(assertThrows(SourceException.class, () -> root.resolve("file:/etc/passwd")).getMessage()
                .contains("is not relative to the data root"));
        SourceException link = assertThrows(SourceException.class, () -> root.resolve(TestData.ESCAPE));
        assertTrue(link.getMessage().contains("outside-data-root/secret.jsonl, outside the data root"),
                link.getMessage());
        assertThrows(SourceException.class, () -> root.resolve(" "));
    }
}
