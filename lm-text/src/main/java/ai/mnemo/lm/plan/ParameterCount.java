package ai.mnemo.lm.plan;

import ai.mnemo.lm.config.LlamaConfig;
import java.util.List;

/**
 * Parameter counts from a config alone, without an engine: what the model holds and what LoRA adapters add. The lm
 * module's {@code ParameterShapes} lists the same tensors; a test there checks the two agree.
 */
public final class ParameterCount {

    private ParameterCount() {}

    /**
     * Every weight: embedding, per layer two norms, seven projections and (Qwen2) the q/k/v biases, final norm, LM
     * head unless tied.
     */
    public static long model(LlamaConfig c) {
        long d = c.hiddenSize();
        long biases = c.qkvBias() ? (long) (c.numAttentionHeads() + 2 * c.numKeyValueHeads()) * c.headSize() : 0;
        long perLayer = 2 * d + projections(c, PlanInputs.ALL_TARGETS) + biases;
        long head = c.tieWordEmbeddings() ? 0 : (long) c.vocabSize() * d;
        return (long) c.vocabSize() * d + c.numHiddenLayers() * perLayer + d + head;
    }

    /** LoRA parameters: per layer and target, {@code r x (in + out)} (A is r x in, B is out x r). */
    public static long lora(LlamaConfig c, int rank, List<String> targets) {
        long perLayer = 0;
        for (String target : targets) {
            long[] io = inOut(c, target);
            perLayer += rank * (io[0] + io[1]);
        }
        return c.numHiddenLayers() * perLayer;
    }

    private static long projections(LlamaConfig c, List<String> targets) {
        long sum = 0;
        for (String target : targets) {
            long[] io = inOut(c, target);
            sum += io[0] * io[1];
        }
        return sum;
    }

    /** Input and output width of a projection. */
    private static long[] inOut(LlamaConfig c, String target) {
        long d = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headSize();
        long kv = (long) c.numKeyValueHeads() * c.headSize();
        long f = c.intermediateSize();
        return switch (target) {
            case "q" -> new long[] {d, q};
            case "k", "v" -> new long[] {d, kv};
            case "o" -> new long[] {q, d};
            case "gate", "up" -> new long[] {d, f};
            case "down" -> new long[] {f, d};
            default -> throw new IllegalArgumentException("unknown projection " + target);
        };
    }
}
