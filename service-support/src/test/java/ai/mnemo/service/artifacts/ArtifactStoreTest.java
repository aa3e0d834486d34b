package ai.mnemo.service.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @Test
    void urisRoundTripInsideTheRoot(@TempDir Path dir) {
        ArtifactStore store = new ArtifactStore(dir);
        Path dataset = store.run("run-1").stage(0).dataset();
        String uri = store.uri(dataset);
        assertTrue(uri.startsWith("file:"), uri);
        assertEquals(dataset, store.path(uri));
    }

    @Test
    void pathsOutsideTheRootAreRefused(@TempDir Path dir) {
        ArtifactStore store = new ArtifactStore(dir.resolve("root"));
        String escape = dir.resolve("root").resolve("../../etc/passwd").toUri().toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.path(escape));
        assertTrue(e.getMessage().contains("outside the artifact root"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.run("../other"));
        assertThrows(IllegalArgumentException.class, () -> store.path("http://example.com/x"));
    }

    @Test
    void aModelIsAFileUriInsideTheRootOrAPathUnderItsModelRoot(@TempDir Path dir) {
        ArtifactStore store = new ArtifactStore(dir);
        assertEquals(dir.resolve("models").resolve("small-kjv"), store.model("small-kjv"));
        assertEquals(dir.resolve("models/base/v2"), store.model("base/v2"));
        Path checkpoint = store.run("run-1").stage(0).checkpoint();
        assertEquals(checkpoint, store.model(store.uri(checkpoint)));
        assertThrows(IllegalArgumentException.class, () -> store.model("../../etc"));
        assertThrows(IllegalArgumentException.class, () -> store.model("hf://meta/llama"));
    }
}
