package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.WeightFiles;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.ReferenceBatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three AdamW steps with global-norm clipping on the reference batch reproduce torch.optim.AdamW: the loss before
 * every step, the gradient norm before clipping, and every weight afterwards; updating the parameters on the two
 * half threads gives the same bits as on one.
 */
class OptimizerParityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/reference/tiny-gqa");

    @Test
    void threeStepsMatchTorchAdamW() throws Exception {
        Map<String, float[]> oneThread = threeSteps(null);
        Map<String, float[]> twoThreads = threeSteps(BatchHalves.shared());
        oneThread.forEach((name, weights) -> assertArrayEquals(weights, twoThreads.get(name), 0f, name));
    }

    /** Checks three steps against the reference and returns the weights after them. */
    private static Map<String, float[]> threeSteps(BatchHalves halves) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(FIXTURE.resolve("expected.json").toFile());
        JsonNode training = json.readTree(FIXTURE.resolve("training.json").toFile());
        try (NDManager root = TorchRuntime.newManager()) {
            NDManager manager = root.newSubManager();
            Llama model = Llama.fromWeights(HfCheckpoint.config(FIXTURE), WeightFiles.read(FIXTURE, manager), manager);
            model.enableGradients();
            AdamW adam = new AdamW(model.parameters(), manager, 0.9, 0.95, 1e-8,
                    training.get("weight_decay_matrices").asDouble());
            double lr = training.get("lr").asDouble();
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    TrainingBatch batch = ReferenceBatch.of(expected, scope);
                    NDArray loss;
                    try (GradientCollector collector = root.getEngine().newGradientCollector()) {
                        loss = CausalLmLoss.compute(model, batch, scope);
                        collector.backward(loss);
                    }
                    assertEquals(training.get("losses").get(step).asDouble(), loss.getFloat(), 1e-4, "loss " + step);
                    List<NDArray> gradients = GradientClipping.gradients(model.parameters().values(), scope);
                    double norm = GradientClipping.globalNorm(gradients);
                    assertEquals(training.get("grad_norms_before_clip").get(step).asDouble(), norm, 1e-4);
                    adam.step(gradients, lr, GradientClipping.coefficient(norm, 1.0), halves);
                }
            }
            try (NDManager scope = manager.newSubManager()) {
                // Compare the updates, not the weights: Adam divides by sqrt(v), so float noise in near-zero
                // gradients is amplified, but the update of every tensor must agree as a whole.
                Map<String, NDArray> initial = WeightFiles.read(FIXTURE, scope);
                Map<String, NDArray> want = SafeTensorsReader.read(FIXTURE.resolve("after-3-steps.safetensors"), scope);
                Map<String, NDArray> got = model.huggingFaceWeights();
                for (Map.Entry<String, NDArray> e : want.entrySet()) {
                    float[] start = initial.get(e.getKey()).toFloatArray();
                    float[] a = e.getValue().toFloatArray();
                    float[] b = got.get(e.getKey()).toFloatArray();
                    double diff = 0;
                    double update = 0;
                    for (int i = 0; i < a.length; i++) {
                        diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
                        update += (a[i] - start[i]) * (double) (a[i] - start[i]);
                    }
                    double relative = Math.sqrt(diff / update);
                    assertTrue(relative < 1e-3, e.getKey() + ": update differs by " + relative + " (relative)");
                }
                TrainingBatch batch = ReferenceBatch.of(expected, scope);
                assertEquals(training.get("losses").get(3).asDouble(),
                        CausalLmLoss.compute(model, batch, scope).getFloat(), 1e-4, "loss after 3 steps");
            }
            Map<String, float[]> after = new TreeMap<>();
            model.parameters().forEach((name, weight) -> after.put(name, weight.toFloatArray()));
            model.close();
            return after;
        }
    }
}
