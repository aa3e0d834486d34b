package ai.mnemo.eval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real generation on the tiny preset (random weights), outside Quarkus. It also proves that DJL loads in a plain
 * test in the same JVM as the {@code @QuarkusTest} (application.properties loads DJL parent-first).
 */
class ModelGenerationTest {

    @TempDir
    static Path dir;

    private static NDManager root;
    private static HfCheckpoint.Loaded loaded;

    @BeforeAll
    static void load() {
        root = TorchRuntime.newManager();
        Presets.write(ModelPresets.TINY, 0, dir, root);
        loaded = HfCheckpoint.load(dir, root);
    }

    @AfterAll
    static void close() {
        loaded.close();
        root.close();
    }

    @Test
    void answersDoNotDependOnTheBatchTheyWereDecodedIn() {
        List<String> users = KvrFacts.generate(3, 7).stream().map(Fact::question).toList();
        List<String> together = new ModelGeneration(loaded, 32).answers(users, 12);
        List<String> inThrees = new ModelGeneration(loaded, 3).answers(users, 12);

        assertEquals(users.size(), together.size());
        assertEquals(together, inThrees);
        assertEquals(together.get(4), new ModelGeneration(loaded, 1).answers(List.of(users.get(4)), 12).get(0));
    }

    @Test
    void theCapBoundsEveryAnswer() {
        List<String> users = List.of("The value of key ABCDEFGH is?", "Who?");
        // The byte tokenizer decodes each token to at most one character (a lone byte becomes U+FFFD).
        new ModelGeneration(loaded, 4).answers(users, 3).forEach(a -> assertTrue(a.length() <= 3, a));
    }

    @Test
    void aPromptThatCannotFitTheContextIsRefusedByName() {
        String user = "x".repeat(1020);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelGeneration(loaded, 4).answers(List.of(user), 16));
        assertTrue(e.getMessage().contains("max_position_embeddings (1024)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelGeneration(loaded, 0));
    }
}
