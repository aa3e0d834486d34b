package ai.mnemo.lm.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed figures for Llama-3-8B: D = 4096, L = 32, H = 32, K = 8, E = 128, F = 14336, V = 128256, untied,
 * P = 8,030,261,248 parameters (lm's LlamaConfigTest checks the count against the published config).
 */
class MemoryPlannerTest {

    private static final LlamaConfig LLAMA_3_8B = new LlamaConfig(4096, 32, 32, 8, 14336, 1e-5, 500000.0, 128256,
            false, 8192, 128000, 128001, "llama", null, null);
    private static final long P = 8_030_261_248L;
    private static final long GB80 = 80L << 30;

    private static MemoryPlan plan(PlanInputs.Builder in) {
        return MemoryPlanner.plan(LLAMA_3_8B, in.build());
    }

    @Test
    void llama3CountsItsPublishedParameters() {
        // embedding and head 2 x 128256 x 4096 = 1,050,673,152; per layer 2 x 4096 norms + q 4096^2 + k, v 2 x
        // 1024 x 4096 + o 4096^2 + gate, up, down 3 x 4096 x 14336 = 218,112,000; x 32 = 6,979,584,000; + 4096.
        assertEquals(P, ParameterCount.model(LLAMA_3_8B));
    }

    @Test
    void fullFineTuningInFp32Is16BytesPerParameter() {
        MemoryPlan plan = plan(PlanInputs.builder(1, 512));
        assertEquals(4 * P, plan.bytes("weights")); // 32,121,044,992
        assertEquals(4 * P, plan.bytes("gradients"));
        assertEquals(8 * P, plan.bytes("AdamW m and v")); // m and v, 4 B each
        assertEquals(128_484_179_968L, plan.total() - plan.bytes("activations"), "16 B x P = 128.5 GB");
        assertFalse(plan.fits(GB80));
    }

    @Test
    void pureBf16Is8BytesPerParameter() {
        MemoryPlan plan = plan(PlanInputs.builder(1, 512).optPrecision(Precision.BF16));
        // 2 (weights) + 2 (gradients) + 2 + 2 (bf16 m and v) = 8 B x P = 64,242,089,984
        assertEquals(64_242_089_984L, plan.total() - plan.bytes("activations"));
        assertEquals(0, plan.bytes("FP32 master copy"));
    }

    @Test
    void mixedPrecisionKeepsAMasterAndFp32MomentsSoItIsStill16BytesPerParameter() {
        MemoryPlan plan = plan(PlanInputs.builder(1, 512).optPrecision(Precision.MIXED));
        // 2 (bf16 weights) + 2 (bf16 gradients) + 4 (FP32 master) + 4 + 4 (FP32 m and v) = 16 B x P
        assertEquals(2 * P, plan.bytes("weights"));
        assertEquals(4 * P, plan.bytes("FP32 master copy"));
        assertEquals(128_484_179_968L, plan.total() - plan.bytes("activations"));
        assertEquals(plan.total(), MemoryPlanner.plan(LLAMA_3_8B, PlanInputs.builder(1, 512)
                .optPrecision(Precision.MIXED_FP16).build()).total(), "fp16 and bf16 compute take the same room");
    }

    @Test
    void loraRank16OnABf16BaseFitsAnH100() {
        MemoryPlan plan = plan(PlanInputs.builder(1, 512).optPrecision(Precision.BF16)
                .optLora(16, PlanInputs.ALL_TARGETS));
        // Adapters per layer: r x (in + out): q 16 x 8192 = 131,072; k, v 16 x 5120 = 81,920 each; o 131,072;
        // gate, up, down 16 x 18432 = 294,912 each; sum 1,310,720; x 32 layers = 41,943,040 (0.52% of P).
        assertEquals(41_943_040L, ParameterCount.lora(LLAMA_3_8B, 16, PlanInputs.ALL_TARGETS));
        assertEquals(2 * P, plan.bytes("weights")); // frozen bf16 base: 16,060,522,496
        assertEquals(41_943_040L * 4, plan.bytes("LoRA adapters (FP32)"));
        assertEquals(41_943_040L * 4, plan.bytes("gradients"));
        assertEquals(41_943_040L * 8, plan.bytes("AdamW m and v"));
        assertEquals(16_731_611_136L, plan.total() - plan.bytes("activations"));
        assertTrue(plan.fits(GB80));
    }

    @Test
    void activationsOfOneRowOf512TokensInBf16() {
        // Per layer and token: 8D = 32,768; (2H + 3K)E = 88 x 128 = 11,264; 5F = 71,680; 2HT = 2 x 32 x 512 =
        // 32,768; sum 148,480 elements. Layers: 32 x 148,480 x 512 tokens x 2 B = 4,865,392,640. Embedding output
        // 512 x 4096 x 2 B = 4,194,304. Logits 512 x 128256 x (2 + 8) B = 656,670,720. Total 5,526,257,664.
        assertEquals(148_480L, MemoryPlanner.activationElementsPerLayerToken(LLAMA_3_8B, 512));
        MemoryPlan plan = plan(PlanInputs.builder(1, 512).optPrecision(Precision.BF16));
        assertEquals(5_526_257_664L, plan.bytes("activations"));
        assertTrue(plan.fits(GB80), plan.verdict(GB80)); // 64.24 + 5.53 = 69.77 GB of 77.31 usable
    }

    @Test
    void klAndEwcAddTheirCopies() {
        MemoryPlan kl = plan(PlanInputs.builder(1, 64).optPrecision(Precision.BF16).optKlReference());
        assertEquals(2 * P, kl.bytes("KL reference model"));
        MemoryPlan ewc = plan(PlanInputs.builder(1, 64).optEwc());
        assertEquals(8 * P, ewc.bytes("EWC Fisher + anchor (FP32)"));
    }

    @Test
    void theExplanationCarriesTheArithmeticAndTheVerdictTheNumbers() {
        // FP32 activations: 32 x 148,480 x 512 x 4 B = 9,730,785,280 + 512 x 4096 x 4 = 8,388,608 + 512 x 128256 x
        // 12 = 788,004,864; with 16 B x P = 128,484,179,968: 139,011,358,720 B. 80 GiB less 10%: 77.31 GB.
        MemoryPlan plan = plan(PlanInputs.builder(1, 512));
        assertEquals(139_011_358_720L, plan.total());
        assertTrue(plan.explanation().contains("8,030,261,248 params x 4 B = 32.12 GB"), plan.explanation());
        assertTrue(plan.table().contains("total"), plan.table());
        assertTrue(plan.verdict(GB80).startsWith("does not fit: needs 139.01 GB of 77.31 GB usable"),
                plan.verdict(GB80));
    }

    @Test
    void loraInputsMustNameTargets() {
        assertEquals("LoRA needs a rank and targets among [q, k, v, o, gate, up, down] (rank 8, targets [])",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> PlanInputs.builder(1, 8).optLora(8, List.of()).build()).getMessage());
    }
}
