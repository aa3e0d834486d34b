package ai.mnemo.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.engine.TorchRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two trainers materializing the same preset at once: the loser of the move keeps the winner's copy. */
class PresetsTest {

    @Test
    void losingTheRaceToACompleteCopyIsNotAnError(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("models/tiny-seed0");
        try (NDManager root = TorchRuntime.newManager()) {
            Presets.write("tiny", 0, target, root);
            byte[] winner = Files.readAllBytes(target.resolve("model.safetensors"));
            Path staging = dir.resolve("models/tiny-seed0.tmp-other");
            Presets.write("tiny", 0, staging, root);

            Presets.moveIntoPlace(staging, target);

            assertNull(HfCheckpoint.missingPart(target));
            assertArrayEquals(winner, Files.readAllBytes(target.resolve("model.safetensors")));
            // and the public entry point finds the complete copy without writing again
            assertNull(HfCheckpoint.missingPart(Presets.materialize("tiny", 0, target, root)));
        }
    }

    @Test
    void anIncompleteDirectoryInTheWayIsAnError(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("models/tiny-seed0");
        Files.createDirectories(target);
        Files.writeString(target.resolve("config.json"), "{}");
        try (NDManager root = TorchRuntime.newManager()) {
            Path staging = dir.resolve("models/tiny-seed0.tmp-mine");
            Presets.write("tiny", 0, staging, root);
            assertThrows(UncheckedIOException.class, () -> Presets.moveIntoPlace(staging, target));
        }
    }
}
