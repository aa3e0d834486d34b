package ai.mnemo.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.ParameterShapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny preset is an ordinary Hugging Face directory: the same model comes back from disk, bit for bit. */
class HfCheckpointTest {

    @Test
    void presetWritesTheHuggingFaceLayoutAndLoadsBackIdentically(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            Presets.write(ModelPresets.TINY, 3, dir, root);
            assertTrue(Files.isRegularFile(dir.resolve("config.json")));
            assertTrue(Files.isRegularFile(dir.resolve("tokenizer.json")));
            // Hugging Face names only: the fused in-memory projections never reach the disk.
            Set<String> names = SafeTensorsReader.header(dir.resolve(WeightFiles.SINGLE)).keySet();
            assertEquals(ParameterShapes.of(ModelPresets.tiny()).keySet(), names);

            Path copy = dir.resolveSibling(dir.getFileName() + "-copy");
            float[] before;
            try (HfCheckpoint.Loaded loaded = HfCheckpoint.load(dir, root); NDManager scope = root.newSubManager()) {
                before = loaded.model().logits(scope.create(new long[][] {{256, 72, 105}}), scope).toFloatArray();
                HfCheckpoint.save(loaded.model(), loaded.tokenizer(), copy, TensorDtype.F32);
            }
            try (HfCheckpoint.Loaded again = HfCheckpoint.load(copy, root); NDManager scope = root.newSubManager()) {
                float[] after = again.model().logits(scope.create(new long[][] {{256, 72, 105}}), scope).toFloatArray();
                assertArrayEquals(before, after);
            }
        }
    }

    @Test
    void sameSeedSameWeights(@TempDir Path dir) throws Exception {
        try (NDManager root = TorchRuntime.newManager()) {
            Presets.write(ModelPresets.TINY, 11, dir.resolve("a"), root);
            Presets.write(ModelPresets.TINY, 11, dir.resolve("b"), root);
            Presets.write(ModelPresets.TINY, 12, dir.resolve("c"), root);
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(WeightFiles.SINGLE));
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(WeightFiles.SINGLE)));
            assertTrue(!java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c").resolve(WeightFiles.SINGLE))));
        }
    }

    @Test
    void aDirectoryWithoutAConfigIsRefusedWithItsName(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfCheckpoint.load(dir, root));
            assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        }
    }
}
