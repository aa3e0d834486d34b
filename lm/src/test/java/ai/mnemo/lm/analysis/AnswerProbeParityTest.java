package ai.mnemo.lm.analysis;

import static ai.mnemo.lm.testing.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The logit lens and the teacher-forced scores match reference_methods.py on the tiny-gqa model and on its weights
 * after 3 steps (where the gold token is top-1 at some depths), batched 2 rows at a time to cross a batch border.
 */
class AnswerProbeParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "after_3_steps"})
    void readingsMatchTheReference(String weights) {
        JsonNode lens = Reference.json(Reference.METHODS.resolve("lens.json"));
        JsonNode want = "base".equals(weights) ? lens : lens.get("after_3_steps");
        Path file = "base".equals(weights) ? Reference.TINY_GQA.resolve("model.safetensors") : Reference.AFTER_3_STEPS;
        try (NDManager root = TorchRuntime.newManager(); Llama model = Reference.model(file, root)) {
            List<AnswerProbe.Reading> readings = AnswerProbe.read(model, Reference.examples(), 2);
            assertEquals(3, readings.size());
            for (int r = 0; r < readings.size(); r++) {
                AnswerProbe.Reading reading = readings.get(r);
                assertClose(want.get("mean_log_prob").get(r).asDouble(), reading.meanLogProb(), 1e-4, "log p " + r);
                assertEquals(want.get("token_accuracy").get(r).asDouble(), reading.tokenAccuracy(), 1e-9);
                assertEquals(lens.get("layers").asInt() + 1, reading.goldProbability().length);
                for (int l = 0; l < reading.goldProbability().length; l++) {
                    assertClose(want.get("probabilities").get(r).get(l).asDouble(), reading.goldProbability()[l],
                            1e-4, "row " + r + " depth " + l);
                    assertEquals(want.get("top1").get(r).get(l).asBoolean(), reading.goldTop1()[l]);
                }
            }
        }
    }
}
