package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.lm.checkpoint.BaseModels.BaseModelException;
import ai.mnemo.lm.checkpoint.BaseModels;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseModelsTest {

    @TempDir
    Path root;

    @Test
    void aPresetIsMaterializedOnceAsAHuggingFaceDirectory() throws IOException {
        ArtifactStore store = new ArtifactStore(root);
        BaseModels models = new BaseModels(store);

        Path dir = models.resolve(ModelRef.preset("tiny", 3));
        assertEquals(store.preset("tiny", 3), dir);
        assertEquals(ModelPresets.tiny(), HfCheckpoint.config(dir));
        try (NDManager manager = TorchRuntime.newManager();
                HfCheckpoint.Loaded loaded = HfCheckpoint.load(dir, manager)) {
            assertEquals(260, loaded.model().config().vocabSize());
        }
        FileTime written = Files.getLastModifiedTime(dir.resolve(HfCheckpoint.CONFIG));

        assertEquals(dir, new BaseModels(store).resolve(ModelRef.preset("tiny", 3)));
        assertEquals(written, Files.getLastModifiedTime(dir.resolve(HfCheckpoint.CONFIG)), "written again");
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            assertEquals(List.of(dir), siblings.toList(), "no staging directory left behind");
        }
    }

    @Test
    void aPresetWithoutSeedUsesTheSpecDefaultZero() {
        ArtifactStore store = new ArtifactStore(root);
        assertEquals(store.preset("tiny", 0), new BaseModels(store).resolve(new ModelRef("tiny", null, null)));
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheField() {
        BaseModelException failure = assertThrows(BaseModelException.class,
                () -> new BaseModels(new ArtifactStore(root)).resolve(ModelRef.preset("huge", 0)));
        assertTrue(failure.getMessage().startsWith("model.preset: unknown model preset 'huge'"), failure.getMessage());
    }

    @Test
    void aUriMustStayInsideTheArtifactRoot() {
        BaseModelException failure = assertThrows(BaseModelException.class,
                () -> new BaseModels(new ArtifactStore(root.resolve("artifacts")))
                        .resolve(ModelRef.uri(root.resolve("elsewhere").toUri().toString())));
        assertTrue(failure.getMessage().contains("outside the artifact root"), failure.getMessage());
    }

    @Test
    void aUriMustBeAHuggingFaceDirectory() throws IOException {
        ArtifactStore store = new ArtifactStore(root);
        Path empty = Files.createDirectories(root.resolve("models/empty"));
        BaseModelException failure = assertThrows(BaseModelException.class,
                () -> new BaseModels(store).resolve(ModelRef.uri(store.uri(empty))));
        assertTrue(failure.getMessage().contains("is not a Hugging Face checkpoint directory"), failure.getMessage());
        assertTrue(failure.getMessage().contains("has no config.json"), failure.getMessage());

        BaseModelException missing = assertThrows(BaseModelException.class,
                () -> new BaseModels(store).resolve(ModelRef.uri(store.uri(root.resolve("models/none")))));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void aUriToACheckpointDirectoryResolvesToIt() {
        ArtifactStore store = new ArtifactStore(root);
        Path preset = new BaseModels(store).resolve(ModelRef.preset("tiny", 0));
        assertEquals(preset, new BaseModels(store).resolve(ModelRef.uri(store.uri(preset))));
    }
}
