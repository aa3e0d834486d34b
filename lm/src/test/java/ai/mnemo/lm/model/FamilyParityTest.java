package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.WeightFiles;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.testing.Reference;
import ai.mnemo.lm.testing.ReferenceBatch;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.TrainingBatch;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families beyond Llama-3 against lm/src/test/python/reference_families.py: Llama-3.1's scaled rotary
 * ({@code llama31}) and Qwen2's q/k/v biases with tied embeddings ({@code qwen2}); logits, loss and every gradient.
 */
class FamilyParityTest {

    @Test
    void llama31ScalesEachRotaryFrequencyAsTheReference() {
        Path dir = Reference.FAMILIES.resolve("llama31");
        LlamaConfig config = HfCheckpoint.config(dir);
        JsonNode want = Reference.json(dir.resolve("expected.json")).get("inverse_frequencies");
        int e = config.headSize();
        for (int i = 0; i < e / 2; i++) {
            double unscaled = (float) (1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / e));
            double scaled = config.ropeScaling().apply(unscaled);
            Reference.assertClose(want.get(i).asDouble(), scaled, 1e-6, "pair " + i);
            // The fixture exercises the bands: pair 0 interpolated, the others stretched by the factor.
            assertEquals(i == 0, scaled != unscaled / config.ropeScaling().factor(), "pair " + i + " band");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama31", "qwen2"})
    void logitsLossAndGradientsMatchTheReference(String family) {
        Path dir = Reference.FAMILIES.resolve(family);
        JsonNode expected = Reference.json(dir.resolve("expected.json"));
        LlamaConfig config = HfCheckpoint.config(dir);
        try (NDManager root = TorchRuntime.newManager()) {
            NDManager manager = root.newSubManager();
            try (Llama model = Llama.fromWeights(config, WeightFiles.read(dir, manager), manager);
                    NDManager scope = root.newSubManager()) {
                NDArray ids = scope.create(Reference.longMatrix(expected.get("input_ids")));
                Reference.assertRelativeError(Reference.floats(expected.get("logits")),
                        model.logits(ids, scope).toFloatArray(), 1e-4, family + " logits");

                model.enableGradients();
                TrainingBatch batch = ReferenceBatch.of(expected, scope);
                NDArray loss;
                try (GradientCollector collector = root.getEngine().newGradientCollector()) {
                    loss = CausalLmLoss.compute(model, batch, scope);
                    collector.backward(loss);
                }
                assertEquals(expected.get("loss").asDouble(), loss.getFloat(), 1e-5, family + " loss");
                Map<String, NDArray> gradients = Reference.huggingFaceGradients(model, scope);
                assertEquals(expected.get("grad_norms").size(), gradients.size(), "every tensor has a gradient");
                gradients.forEach((name, gradient) -> Reference.assertClose(
                        expected.get("grad_norms").get(name).asDouble(), gradient.norm().getFloat(), 1e-4, name));
            }
        }
    }
}
