package ai.mnemo.lm.train;

import ai.mnemo.lm.testing.StopAfter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.lm.config.Precision;
import ai.mnemo.lm.engine.EngineDtypes;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.WeightInit;
import ai.mnemo.lm.testing.Reference;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed precision with fp16 compute, the half-precision mode DJL 0.36 runs on a CPU: which tensor is in which dtype
 * after setup and after a step, the loss close to FP32's, skipped overflow steps, and an exact resume from the FP32
 * master a checkpoint holds.
 */
class MixedPrecisionTest {

    private static final TrainingOptions MIXED_FP16 = TrainingOptions.builder(new StoppingRule.FixedEpochs(50))
            .optLearningRate(3e-3).optBatchSize(4).optCheckpointEveryEpochs(0).optConstantLearningRate()
            .optPrecision(Precision.MIXED_FP16).build();

    @Test
    void weightsAreHalfTheMasterAndMomentsFp32BeforeAndAfterAStep() {
        try (NDManager root = TorchRuntime.newManager(); Llama model = halfModel(root)) {
            AdamW adam = AdamW.forTraining(model, MIXED_FP16);
            model.parameters().values().forEach(w -> assertEquals(DataType.FLOAT16, w.getDataType()));
            adam.masters().values().forEach(m -> assertEquals(DataType.FLOAT32, m.getDataType()));
            adam.state().values().forEach(m -> assertEquals(DataType.FLOAT32, m.getDataType()));
            Map<String, float[]> before = values(adam.masters());

            // The first steps may overflow at the initial scale of 2^16 and be skipped, as with PyTorch's scaler.
            new Trainer(model, MIXED_FP16, StopAfter.steps(12)).train(rows(8), adam, null, null, CheckpointSink.NONE);

            assertTrue(adam.steps() >= 1, "steps applied: " + adam.steps());
            adam.masters().forEach((name, master) -> {
                NDArray weight = model.parameters().get(name);
                assertEquals(DataType.FLOAT16, weight.getDataType(), name);
                assertEquals(DataType.FLOAT32, master.getDataType(), name);
                assertFalse(java.util.Arrays.equals(before.get(name), master.toFloatArray()), name + " moved");
                float[] rounded = master.toType(DataType.FLOAT16, true).toType(DataType.FLOAT32, true)
                        .toFloatArray();
                assertArrayEquals(rounded, weight.toType(DataType.FLOAT32, true).toFloatArray(), 0f,
                        name + " is its master rounded to fp16");
                assertEquals(0f, weight.getGradient().abs().max().toType(DataType.FLOAT32, true).getFloat(),
                        name + " gradient zeroed");
            });
        }
    }

    @Test
    void theFp16LossAndLogitsStayCloseToTheFp32Reference() {
        JsonNode expected = Reference.json(Reference.TINY_GQA.resolve("expected.json"));
        try (NDManager root = TorchRuntime.newManager()) {
            NDManager manager = root.newSubManager();
            try (Llama model = Llama.fromWeights(HfCheckpoint.config(Reference.TINY_GQA),
                    SafeTensorsReader.read(Reference.TINY_GQA.resolve("model.safetensors"), manager), manager,
                    DataType.FLOAT16); NDManager scope = root.newSubManager()) {
                assertEquals(DataType.FLOAT16, model.dtype());
                NDArray ids = scope.create(Reference.longMatrix(expected.get("input_ids")));
                NDArray logits = model.logits(ids, scope);
                assertEquals(DataType.FLOAT16, logits.getDataType(), "the whole forward pass stays in fp16");
                // fp16 keeps 11 significant bits: a relative error of a few 1e-3 after 2 layers.
                double error = Reference.relativeError(Reference.floats(expected.get("logits")),
                        logits.toType(DataType.FLOAT32, true).toFloatArray());
                assertTrue(error < 1e-2 && error > 1e-6, "fp16 logits relative error " + error);
                TrainingBatch batch = ai.mnemo.lm.testing.ReferenceBatch.of(expected, scope);
                NDArray loss = CausalLmLoss.compute(model, batch, scope);
                assertEquals(DataType.FLOAT32, loss.getDataType(), "the loss is taken in FP32");
                Reference.assertClose(expected.get("loss").asDouble(), loss.getFloat(), 1e-2, "loss");
            }
        }
    }

    @Test
    void anOverflowingStepLeavesTheWeightsAndZeroesTheGradients() {
        try (NDManager root = TorchRuntime.newManager(); Llama model = halfModel(root)) {
            AdamW adam = AdamW.forTraining(model, MIXED_FP16);
            model.enableGradients();
            try (NDManager scope = root.newSubManager()) {
                TrainingObjective.crossEntropy().backward(model, rows(4),
                        new TrainingObjective.Batching(ByteTokenizerDefinition.EOS, 4, 0, false), 1e9, scope);
                List<NDArray> gradients = GradientClipping.gradients(adam.parameters().values(), scope);
                assertFalse(Double.isFinite(GradientClipping.globalNorm(gradients)), "1e9 overflows fp16");
                adam.zeroGradients();
                for (NDArray w : model.parameters().values()) {
                    assertEquals(0f, w.getGradient().abs().max().toType(DataType.FLOAT32, true).getFloat());
                }
            }
            assertEquals(0, adam.steps());
        }
    }

    @Test
    void trainsAndResumesExactlyFromTheFp32MasterItSaves(@TempDir Path dir) {
        Path checkpoint = dir.resolve("checkpoint");
        ByteTokenizerDefinition.write(dir.resolve("tokenizer.json"));
        List<EncodedExample> rows = rows(8);
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            Map<String, float[]> straight;
            TrainingResult longRun;
            long skipped;
            try (Llama model = halfModel(root)) {
                AdamW adam = AdamW.forTraining(model, MIXED_FP16);
                longRun = new Trainer(model, MIXED_FP16, StopAfter.steps(16)).train(rows, adam, null, null,
                        CheckpointSink.NONE);
                straight = values(adam.masters());
            }
            try (Llama model = halfModel(root)) {
                AdamW adam = AdamW.forTraining(model, MIXED_FP16);
                new Trainer(model, MIXED_FP16, StopAfter.steps(8)).train(rows, adam, null, null,
                        TrainingCheckpoint.into(checkpoint, tokenizer));
                Map<String, float[]> saved = values(fused(checkpoint, root));
                values(adam.masters()).forEach((name, w) -> assertArrayEquals(w, saved.get(name), 0f,
                        name + ": the checkpoint holds the FP32 master, not the fp16 weight"));
                skipped = 8 - adam.steps();
            }
            TrainingState state = TrainingCheckpoint.state(checkpoint);
            assertNotNull(state.lossScale());
            assertEquals(LossScaler.INITIAL_SCALE / Math.pow(2, skipped), state.lossScale().scale(),
                    "halved once per skipped step");
            try (HfCheckpoint.Loaded loaded = HfCheckpoint.load(checkpoint, root, DataType.FLOAT16)) {
                AdamW adam = AdamW.forTraining(loaded.model(), MIXED_FP16);
                TrainingCheckpoint.restoreOptimizer(checkpoint, adam, root);
                new Trainer(loaded.model(), MIXED_FP16, StopAfter.steps(16)).train(rows, adam, state, null,
                        CheckpointSink.NONE);
                Map<String, float[]> resumed = values(adam.masters());
                straight.forEach((name, w) -> assertArrayEquals(w, resumed.get(name), 0f, name));
            }
            assertTrue(longRun.finalLoss() < 5.0, "16 steps lower the loss from ln(260) = 5.56: "
                    + longRun.finalLoss());
        }
    }

    @Test
    void bf16IsRefusedWithWhatToUseInsteadBeforeTheEngineCouldAbort() {
        assertEquals(DataType.FLOAT16, EngineDtypes.supportedCompute(Precision.MIXED_FP16));
        assertEquals(DataType.FLOAT32, EngineDtypes.supportedCompute(Precision.FP32));
        assertEquals(DataType.BFLOAT16, EngineDtypes.compute(Precision.MIXED));
        for (Precision bf16 : List.of(Precision.BF16, Precision.MIXED)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> EngineDtypes.supportedCompute(bf16));
            assertTrue(e.getMessage().contains("mixed-fp16"), e.getMessage());
        }
    }

    private static Llama halfModel(NDManager root) {
        NDManager manager = root.newSubManager();
        return Llama.fromWeights(TinyModels.grouped(), WeightInit.random(TinyModels.grouped(), 1, manager), manager,
                DataType.FLOAT16);
    }

    private static Map<String, NDArray> fused(Path checkpoint, NDManager root) {
        NDManager manager = root.newSubManager();
        return ai.mnemo.lm.model.WeightLayout.fuse(HfCheckpoint.config(checkpoint),
                SafeTensorsReader.read(checkpoint.resolve("model.safetensors"), manager));
    }

    private static Map<String, float[]> values(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new TreeMap<>();
        arrays.forEach((name, a) -> out.put(name, a.toFloatArray()));
        return out;
    }


    /** Letters after BOS, the last third scored, EOS last. */
    private static List<EncodedExample> rows(int count) {
        java.util.Random random = new java.util.Random(5);
        List<EncodedExample> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] tokens = new int[12];
            tokens[0] = ByteTokenizerDefinition.BOS;
            for (int j = 1; j < tokens.length - 1; j++) {
                tokens[j] = 65 + random.nextInt(26);
            }
            tokens[tokens.length - 1] = ByteTokenizerDefinition.EOS;
            rows.add(new EncodedExample(tokens, 8));
        }
        return rows;
    }
}
