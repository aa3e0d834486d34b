package ai.mnemo.lm.lora;

import static ai.mnemo.lm.testing.Reference.assertClose;
import static ai.mnemo.lm.testing.Reference.assertRelativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.ReferenceBatch;
import ai.mnemo.lm.testing.Reference;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.GradientClipping;
import ai.mnemo.lm.train.TrainingBatch;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LoRA on the tiny-gqa model matches reference_methods.py (adapters on q, v, o, up, down: partial targets of both
 * fused projections): logits, loss, every adapter's gradient, and one clipped AdamW step of the adapters alone.
 */
class LoraParityTest {

    private static final LoraShape SHAPE = new LoraShape(4, 8,
            EnumSet.of(LoraTarget.Q, LoraTarget.V, LoraTarget.O, LoraTarget.UP, LoraTarget.DOWN));

    private final JsonNode lora = Reference.json(Reference.METHODS.resolve("lora.json"));
    private final JsonNode expected = Reference.json(Reference.TINY_GQA.resolve("expected.json"));
    private NDManager root;
    private Llama model;

    @BeforeEach
    void load() {
        root = TorchRuntime.newManager();
        model = Reference.base(root);
        model.attach(adapters("lora-adapters.safetensors"));
    }

    @AfterEach
    void close() {
        model.adapters().close();
        model.close();
        root.close();
    }

    @Test
    void logitsAndLossMatchWithAdapters() {
        try (NDManager scope = root.newSubManager()) {
            assertRelativeError(Reference.floats(lora.get("logits")), logitsOfFullRows(scope), 1e-4, "logits");
            TrainingBatch batch = ReferenceBatch.of(expected, scope);
            assertClose(lora.get("loss").asDouble(), CausalLmLoss.compute(model, batch, scope).getFloat(), 1e-5,
                    "loss");
        }
    }

    @Test
    void gradientsReachTheAdaptersOnlyAndMatch() {
        model.enableGradients();
        try (NDManager scope = root.newSubManager()) {
            backward(scope);
            double squares = 0;
            for (Map.Entry<String, NDArray> e : model.trainableParameters().entrySet()) {
                NDArray gradient = e.getValue().getGradient();
                gradient.attach(scope);
                double norm = gradient.norm().getFloat();
                squares += norm * norm;
                assertClose(lora.get("grad_norms").get(e.getKey()).asDouble(), norm, 1e-4, e.getKey());
            }
            assertClose(lora.get("grad_global_norm").asDouble(), Math.sqrt(squares), 1e-4, "global norm");
            model.parameters().values().forEach(w -> assertEquals(false, w.hasGradient(), "frozen weight"));
        }
    }

    @Test
    void oneClippedAdamWStepOfTheAdaptersMatches() {
        model.enableGradients();
        JsonNode optimizer = lora.get("optimizer");
        AdamW adam = new AdamW(model.trainableParameters(), root, 0.9, 0.95, 1e-8,
                optimizer.get("weight_decay").asDouble());
        try (NDManager scope = root.newSubManager()) {
            backward(scope);
            List<NDArray> gradients = GradientClipping.gradients(adam.parameters().values(), scope);
            double norm = GradientClipping.globalNorm(gradients);
            assertClose(lora.get("clip_total_norm").asDouble(), norm, 1e-4, "norm before clipping");
            adam.step(gradients, optimizer.get("lr").asDouble(), GradientClipping.coefficient(norm, 1.0));
        }
        try (NDManager scope = root.newSubManager()) {
            Map<String, NDArray> want = SafeTensorsReader.read(
                    Reference.METHODS.resolve("lora-after-1-step.safetensors"), scope);
            want.forEach((name, value) -> assertRelativeError(value.toFloatArray(),
                    model.trainableParameters().get(name).toFloatArray(), 1e-4, name));
            assertClose(lora.get("loss_after_step").asDouble(),
                    CausalLmLoss.compute(model, ReferenceBatch.of(expected, scope), scope).getFloat(), 1e-4,
                    "loss after the step");
        }
    }

    @Test
    void mergingTheAdaptersComputesWhatTheyDoBesideTheWeights() {
        try (NDManager scope = root.newSubManager()) {
            float[] beside = logitsOfFullRows(scope);
            LoraAdapters adapters = model.adapters();
            model.attach(null);
            adapters.mergeInto(model);
            float[] merged = logitsOfFullRows(scope);
            model.attach(adapters); // so that close() frees them
            assertRelativeError(beside, merged, 1e-5, "merged vs beside");
        }
    }

    @Test
    void savedAdaptersOpenAgainWithThePeftNames(@TempDir Path dir) {
        Path base = dir.resolve("base");
        Path saved = dir.resolve("stage-1");
        AdapterCheckpoint.save(model.adapters(), saved, base);
        assertEquals(base.toAbsolutePath().normalize(), AdapterCheckpoint.baseOf(saved).toAbsolutePath());
        AdapterConfig config = AdapterCheckpoint.config(saved);
        assertEquals(List.of("down_proj", "o_proj", "q_proj", "up_proj", "v_proj"), config.targetModules().stream()
                .sorted().toList());
        assertEquals("LORA", config.peftType());
        assertEquals("../base", config.baseModel());
        try (LoraAdapters again = AdapterCheckpoint.load(saved, model.config(), root)) {
            model.adapters().parameters().forEach((name, value) -> assertRelativeError(value.toFloatArray(),
                    again.parameters().get(name).toFloatArray(), 1e-7, name));
            assertEquals(SHAPE, again.shape());
        }
    }

    private LoraAdapters adapters(String file) {
        NDManager manager = root.newSubManager();
        return LoraAdapters.of(model.config(), SHAPE, SafeTensorsReader.read(Reference.METHODS.resolve(file), manager),
                manager);
    }

    private float[] logitsOfFullRows(NDManager scope) {
        return model.logits(scope.create(Reference.longMatrix(expected.get("input_ids"))), scope).toFloatArray();
    }

    private void backward(NDManager scope) {
        try (GradientCollector collector = root.getEngine().newGradientCollector()) {
            collector.backward(CausalLmLoss.compute(model, ReferenceBatch.of(expected, scope), scope));
        }
    }
}
