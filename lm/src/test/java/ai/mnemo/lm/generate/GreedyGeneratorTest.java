package ai.mnemo.lm.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key/value cache changes the cost of decoding, never its tokens. */
class GreedyGeneratorTest {

    private static NDManager root;
    private static Llama model;

    @BeforeAll
    static void build() {
        root = TorchRuntime.newManager();
        model = TinyModels.grouped(5, root);
    }

    @AfterAll
    static void close() {
        model.close();
        root.close();
    }

    @Test
    void cachedDecodingProducesExactlyTheTokensOfFullRecompute() {
        List<int[]> prompts = prompts(7, 3, 17, 11);
        GreedyGenerator generator = new GreedyGenerator(model, 3); // 7 prompts: batches of 3, 3 and 1
        List<int[]> cached = generator.generate(prompts, 12);
        List<int[]> recomputed = generator.generateWithoutCache(prompts, 12);
        for (int i = 0; i < prompts.size(); i++) {
            assertArrayEquals(recomputed.get(i), cached.get(i), "prompt " + i);
            assertTrue(cached.get(i).length <= 12);
        }
    }

    @Test
    void aPromptDecodesTheSameAloneAndInsideAPaddedBatch() {
        List<int[]> prompts = prompts(5, 2, 20, 23);
        GreedyGenerator batched = new GreedyGenerator(model, 5);
        List<int[]> together = batched.generate(prompts, 8);
        for (int i = 0; i < prompts.size(); i++) {
            int[] alone = batched.generate(List.of(prompts.get(i)), 8).get(0);
            assertArrayEquals(alone, together.get(i), "prompt " + i + " depends on its batch");
        }
    }

    @Test
    void theCapLimitsEveryRow() {
        List<int[]> out = new GreedyGenerator(model, 4).generate(prompts(4, 5, 9, 2), 3);
        assertEquals(4, out.size());
        out.forEach(tokens -> assertTrue(tokens.length <= 3));
    }

    private static List<int[]> prompts(int count, int minLength, int maxLength, long seed) {
        Random random = new Random(seed);
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] prompt = new int[minLength + random.nextInt(maxLength - minLength + 1)];
            prompt[0] = 256;
            for (int j = 1; j < prompt.length; j++) {
                prompt[j] = 32 + random.nextInt(90);
            }
            prompts.add(prompt);
        }
        return prompts;
    }
}
