package ai.mnemo.lm.penalty;

import static ai.mnemo.lm.testing.Reference.assertClose;
import static ai.mnemo.lm.testing.Reference.assertRelativeError;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.WeightLayout;
import ai.mnemo.lm.testing.Reference;
import ai.mnemo.lm.testing.ReferenceBatch;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.PenaltyTerm;
import ai.mnemo.lm.train.TrainingBatch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KL and EWC baselines match reference_methods.py: the KL term's value and gradient (reference = tiny-gqa,
 * current = its weights after 3 steps), the diagonal Fisher of the 3 fixture rows, and the EWC penalty with its
 * gradient.
 */
class PenaltyParityTest {

    private final JsonNode expected = Reference.json(Reference.TINY_GQA.resolve("expected.json"));
    private NDManager root;
    private Llama base;
    private Llama current;

    @BeforeEach
    void load() {
        root = TorchRuntime.newManager();
        base = Reference.base(root);
        current = Reference.model(Reference.AFTER_3_STEPS, root);
    }

    @AfterEach
    void close() {
        current.close();
        base.close();
        root.close();
    }

    @Test
    void klToTheFrozenReferenceMatchesInValueAndGradient() {
        JsonNode kl = Reference.json(Reference.METHODS.resolve("kl.json"));
        current.enableGradients();
        KlToReference term = new KlToReference(base, 1.0);
        try (NDManager scope = root.newSubManager()) {
            TrainingBatch batch = ReferenceBatch.of(expected, scope);
            NDArray value;
            try (GradientCollector collector = root.getEngine().newGradientCollector()) {
                NDArray logProbs = CausalLmLoss.scoredLogProbs(current, batch, scope);
                value = term.contribution(new PenaltyTerm.MicroBatch(current, batch, logProbs, batch.scored(), true,
                        scope));
                collector.backward(value);
            }
            assertClose(kl.get("kl").asDouble(), value.getFloat(), 1e-5, "KL");
            assertGradients(current, Reference.METHODS.resolve("kl-gradient.safetensors"), scope);
        }
    }

    @Test
    void fisherDiagonalOfTheRowsMatches() {
        try (NDManager scope = root.newSubManager()) {
            Map<String, NDArray> fisher = WeightLayout.unfuse(base.config(),
                    FisherDiagonal.of(base, Reference.examples(), scope));
            Map<String, NDArray> want = SafeTensorsReader.read(Reference.METHODS.resolve("fisher.safetensors"), scope);
            want.forEach((name, value) -> assertRelativeError(value.toFloatArray(), fisher.get(name).toFloatArray(),
                    1e-4, name));
        }
    }

    @Test
    void ewcPenaltyAndItsGradientMatch() {
        JsonNode ewc = Reference.json(Reference.METHODS.resolve("ewc.json"));
        current.enableGradients();
        try (NDManager scope = root.newSubManager()) {
            Map<String, NDArray> fisher = WeightLayout.fuse(base.config(),
                    SafeTensorsReader.read(Reference.METHODS.resolve("fisher.safetensors"), scope));
            EwcPenalty term = new EwcPenalty(current.parameters(), base.parameters(), fisher,
                    ewc.get("lambda").asDouble());
            TrainingBatch batch = ReferenceBatch.of(expected, scope);
            NDArray penalty;
            try (GradientCollector collector = root.getEngine().newGradientCollector()) {
                penalty = term.contribution(new PenaltyTerm.MicroBatch(current, batch, null, batch.scored(), true,
                        scope));
                collector.backward(penalty);
            }
            assertClose(ewc.get("penalty").asDouble(), penalty.getFloat(), 1e-4, "penalty");
            assertGradients(current, Reference.METHODS.resolve("ewc-gradient.safetensors"), scope);
        }
    }

    private static void assertGradients(Llama model, java.nio.file.Path file, NDManager scope) {
        Map<String, NDArray> gradients = Reference.huggingFaceGradients(model, scope);
        SafeTensorsReader.read(file, scope).forEach((name, value) -> assertRelativeError(value.toFloatArray(),
                gradients.get(name).toFloatArray(), 1e-4, name));
    }
}
