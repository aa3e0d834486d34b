package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matches an independent plain-PyTorch implementation (lm/src/test/python/reference_llama.py) on a tiny random
 * model with grouped key/value heads: logits, masked loss, and gradient norms.
 */
class ReferenceParityTest {

    private static final Path FIXTURE = Reference.TINY_GQA;
    private static NDManager root;
    private static Llama model;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        root = TorchRuntime.newManager();
        LlamaConfig config = HfCheckpoint.config(FIXTURE);
        NDManager manager = root.newSubManager();
        model = Llama.fromWeights(config, WeightFiles.read(FIXTURE, manager), manager);
        expected = new ObjectMapper().readTree(FIXTURE.resolve("expected.json").toFile());
    }

    @AfterAll
    static void close() {
        model.close();
        root.close();
    }

    @Test
    void fixtureIsGroupedQueryAttention() {
        assertEquals(4, model.config().numAttentionHeads());
        assertEquals(2, model.config().numKeyValueHeads());
    }

    @Test
    void logitsMatchTheReference() {
        try (NDManager scope = root.newSubManager()) {
            NDArray ids = scope.create(Reference.longMatrix(expected.get("input_ids")));
            float[] actual = model.logits(ids, scope).toFloatArray();
            Reference.assertRelativeError(Reference.floats(expected.get("logits")), actual, 1e-4, "logits");
        }
    }

    @Test
    void shorterSequenceMatchesToo() {
        try (NDManager scope = root.newSubManager()) {
            NDArray ids = scope.create(Reference.longMatrix(expected.get("input_ids"))).get(new NDIndex("0:1, 0:7"));
            float[] actual = model.logits(ids, scope).toFloatArray();
            Reference.assertRelativeError(Reference.floats(expected.get("logits_row0_prefix7")), actual, 1e-4,
                    "logits of a prefix");
        }
    }

    @Test
    void maskedLossAndGradientNormsMatchTheReference() {
        model.enableGradients();
        try (NDManager scope = root.newSubManager()) {
            TrainingBatch batch = ReferenceBatch.of(expected, scope);
            NDArray loss;
            try (GradientCollector collector = root.getEngine().newGradientCollector()) {
                loss = CausalLmLoss.compute(model, batch, scope);
                collector.backward(loss);
            }
            assertEquals(expected.get("loss").asDouble(), loss.getFloat(), 1e-5);
            Map<String, NDArray> gradients = Reference.huggingFaceGradients(model, scope);
            double squares = 0;
            for (Map.Entry<String, NDArray> e : gradients.entrySet()) {
                double norm = e.getValue().norm().getFloat();
                squares += norm * norm;
                double want = expected.get("grad_norms").get(e.getKey()).asDouble();
                assertEquals(want, norm, want * 1e-4, e.getKey());
            }
            assertEquals(expected.get("grad_global_norm").asDouble(), Math.sqrt(squares), 1e-4);
        }
    }
}
