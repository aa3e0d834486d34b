package ai.mnemo.eval.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.eval.scoring.GoldAnswers;
import ai.mnemo.eval.scoring.ModelGeneration;
import ai.mnemo.lm.analysis.AnswerProbe;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluation in the stage's compute dtype: the dtype each precision maps to, bf16 refused with the engine's reason,
 * and the tiny preset evaluated in fp16 on the CPU giving FP32's greedy answers and nearly its gold readings.
 */
class EvalPrecisionTest {

    @TempDir
    Path dir;

    @Test
    void fp32AndAbsentLoadInFp32AndMixedFp16InFp16() {
        assertEquals(DataType.FLOAT32, EvalPrecision.computeDtype(null));
        assertEquals(DataType.FLOAT32, EvalPrecision.computeDtype("fp32"));
        assertEquals(DataType.FLOAT16, EvalPrecision.computeDtype("mixed-fp16"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bf16", "mixed"})
    void bf16ComputeIsRefusedWithTheEnginesReason(String precision) {
        InvalidEvalJobException e = assertThrows(InvalidEvalJobException.class,
                () -> EvalPrecision.computeDtype(precision));

        assertTrue(e.getMessage().startsWith("precision " + precision + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("bf16 cannot run on DJL 0.36"), e.getMessage());
    }

    @Test
    void fp16EvaluationGivesFp32sGreedyAnswersAndNearlyItsReadings() {
        List<PreparedRow> facts = KvrFacts.generate(3, 11).stream()
                .map(f -> new PreparedRow(f.id(), f.question(), f.answer(), PreparedRow.FACT)).toList();
        List<String> users = facts.stream().map(PreparedRow::user).toList();
        try (NDManager root = TorchRuntime.newManager()) {
            Presets.write(ModelPresets.TINY, 0, dir, root);
            List<String> answers32;
            List<AnswerProbe.Reading> readings32;
            try (HfCheckpoint.Loaded fp32 = ModelDirectory.load(dir, root, DataType.FLOAT32)) {
                answers32 = new ModelGeneration(fp32, 4).answers(users, 6);
                readings32 = new GoldAnswers(fp32, 4).readings(facts);
            }
            try (HfCheckpoint.Loaded fp16 = ModelDirectory.load(dir, root, DataType.FLOAT16)) {
                assertEquals(DataType.FLOAT16, fp16.model().dtype());

                // Random weights leave near-ties between next tokens, which fp16 rounding may flip on another
                // CPU's kernels: most answers must agree (all did here), the readings below carry the tolerance.
                List<String> answers16 = new ModelGeneration(fp16, 4).answers(users, 6);
                assertEquals(answers32.size(), answers16.size());
                long same = java.util.stream.IntStream.range(0, users.size())
                        .filter(i -> answers32.get(i).equals(answers16.get(i))).count();
                assertTrue(same >= users.size() - 2, same + " of " + users.size() + " greedy answers agree: "
                        + answers32 + " vs " + answers16);
                List<AnswerProbe.Reading> readings16 = new GoldAnswers(fp16, 4).readings(facts);
                for (int i = 0; i < facts.size(); i++) {
                    AnswerProbe.Reading a = readings32.get(i);
                    AnswerProbe.Reading b = readings16.get(i);
                    // fp16 rounding moves these by about 1e-4 (log p) and 1e-5 (probabilities ~0.005) here.
                    assertEquals(a.meanLogProb(), b.meanLogProb(), 2e-3, "mean gold log p of fact " + i);
                    for (int l = 0; l < a.goldProbability().length; l++) {
                        assertEquals(a.goldProbability()[l], b.goldProbability()[l], 2e-4,
                                "lens probability of fact " + i + " at depth " + l);
                    }
                }
            }
        }
    }
}
