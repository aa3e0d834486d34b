package ai.mnemo.lm.plan;

import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The device memory of one training run, from the model's config and how it trains; pure arithmetic, no engine.
 *
 * <p>Conventions (docs/lm.md, "Memory planner"), with P parameters and c the precision's compute bytes:
 * <ul>
 *   <li>weights: P x c (FP32: 4, bf16/mixed: 2);</li>
 *   <li>full fine-tuning: gradients P x c; FP32 master copy P x 4 in the mixed modes; AdamW m and v 2 x P x s, s =
 *       4 except pure bf16 (2);</li>
 *   <li>LoRA: the base is frozen (no gradients, no moments); the adapters (A: r x in, B: out x r per target and
 *       layer) are FP32 with FP32 gradients and moments, 16 bytes each;</li>
 *   <li>KL: a frozen reference model P x c; EWC: an FP32 Fisher diagonal and an FP32 anchor, 8 bytes per parameter;</li>
 *   <li>activations, no activation checkpointing (Mnemo has none): what the backward pass keeps per layer and token,
 *       {@code 8D + (2H + 3K)E + 5F + 2HT} elements of c bytes (norm inputs and outputs, q/k/v, rotated q and k,
 *       attention output, residuals, the SwiGLU gate, up and products, and the materialised attention scores and
 *       probabilities, H x T per token), times layers and the micro-batch's B x T tokens; plus the embedding output
 *       B x T x D x c and the head's logits at every position (worst case: all scored) B x T x V x (c + 8): the
 *       logits, their FP32 copy and FP32 log-probabilities.</li>
 * </ul>
 */
public final class MemoryPlanner {

    private MemoryPlanner() {}

    public static MemoryPlan plan(LlamaConfig config, PlanInputs in) {
        Precision precision = in.precision();
        long p = ParameterCount.model(config);
        int c = precision.computeBytes();
        List<MemoryPlan.Part> parts = new ArrayList<>();
        parts.add(part("weights", p, c, "%,d params x %d B", p, c));
        if (in.lora()) {
            long a = ParameterCount.lora(config, in.loraRank(), in.loraTargets());
            parts.add(part("LoRA adapters (FP32)", a, 4, "%,d adapter params (rank %d on %s) x 4 B", a,
                    in.loraRank(), String.join(",", in.loraTargets()), 4));
            parts.add(part("gradients", a, 4, "%,d adapter params x 4 B", a, 4));
            parts.add(part("AdamW m and v", a, 8, "%,d adapter params x 2 x 4 B", a, 8));
        } else {
            parts.add(part("gradients", p, c, "%,d params x %d B", p, c));
            if (precision.masterCopy()) {
                parts.add(part("FP32 master copy", p, 4, "%,d params x 4 B", p, 4));
            }
            int s = precision.optimizerStateBytes();
            parts.add(part("AdamW m and v", p, 2L * s, "%,d params x 2 x %d B", p, s));
        }
        if (in.klReference()) {
            parts.add(part("KL reference model", p, c, "%,d params x %d B", p, c));
        }
        if (in.ewc()) {
            parts.add(part("EWC Fisher + anchor (FP32)", p, 8, "%,d params x (4 + 4) B", p, 8));
        }
        parts.add(activations(config, in, c));
        return new MemoryPlan(String.format(Locale.ROOT, "%s, %s%s, micro-batch %d x %d tokens", describe(config),
                precision.specName(), in.lora() ? ", LoRA rank " + in.loraRank() : ", full fine-tuning",
                in.microBatchSize(), in.sequenceLength()), parts);
    }

    /** Elements the backward pass keeps per layer and token (see the class comment). */
    public static long activationElementsPerLayerToken(LlamaConfig c, int sequenceLength) {
        long d = c.hiddenSize();
        long e = c.headSize();
        long h = c.numAttentionHeads();
        long k = c.numKeyValueHeads();
        return 8 * d + (2 * h + 3 * k) * e + 5L * c.intermediateSize() + 2 * h * sequenceLength;
    }

    private static MemoryPlan.Part activations(LlamaConfig c, PlanInputs in, int bytes) {
        long tokens = (long) in.microBatchSize() * in.sequenceLength();
        long perToken = activationElementsPerLayerToken(c, in.sequenceLength());
        long layers = c.numHiddenLayers() * perToken * tokens * bytes;
        long embedding = tokens * c.hiddenSize() * bytes;
        long head = tokens * c.vocabSize() * (bytes + 8L);
        return new MemoryPlan.Part("activations", layers + embedding + head, String.format(Locale.ROOT,
                "%d layers x %,d elements/token x %,d tokens x %d B + embedding %,d x %d x %d B + logits %,d x %,d x "
                        + "(%d + 8) B",
                c.numHiddenLayers(), perToken, tokens, bytes, tokens, c.hiddenSize(), bytes, tokens, c.vocabSize(),
                bytes));
    }

    private static String describe(LlamaConfig c) {
        return String.format(Locale.ROOT, "%s d=%d L=%d H=%d K=%d F=%d V=%d", c.modelType(), c.hiddenSize(),
                c.numHiddenLayers(), c.numAttentionHeads(), c.numKeyValueHeads(), c.intermediateSize(), c.vocabSize());
    }

    private static MemoryPlan.Part part(String name, long count, long bytesEach, String format, Object... args) {
        return new MemoryPlan.Part(name, count * bytesEach, String.format(Locale.ROOT, format, args));
    }
}
