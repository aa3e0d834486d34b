package ai.mnemo.lm.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.ForwardContext;
import ai.mnemo.lm.model.KvCache;
import ai.mnemo.lm.model.Llama;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Batched greedy decoding. Prompts are sorted by length and cut into batches (less padding), left-padded, run
 * once through the model to fill a key/value cache, then extended one token per step until every row has
 * produced EOS or {@code maxNewTokens} tokens. The EOS token itself is not part of the output.
 */
public final class GreedyGenerator {

    private final Llama model;
    private final int batchSize;
    private final int eos;

    public GreedyGenerator(Llama model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
        this.eos = model.config().eosTokenId();
    }

    /** Continuations of every prompt, in the prompts' order. */
    public List<int[]> generate(List<int[]> prompts, int maxNewTokens) {
        return run(prompts, maxNewTokens, true);
    }

    /** The same decoding without a cache: every step recomputes the whole sequence (the reference for tests). */
    public List<int[]> generateWithoutCache(List<int[]> prompts, int maxNewTokens) {
        return run(prompts, maxNewTokens, false);
    }

    private List<int[]> run(List<int[]> prompts, int maxNewTokens, boolean cached) {
        Integer[] byLength = new Integer[prompts.size()];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = i;
        }
        Arrays.sort(byLength, Comparator.comparingInt(i -> prompts.get(i).length));
        int[][] outputs = new int[prompts.size()][];
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            for (int from = 0; from < byLength.length; from += batchSize) {
                int to = Math.min(byLength.length, from + batchSize);
                List<int[]> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    batch.add(prompts.get(byLength[i]));
                }
                int[][] generated = cached ? decodeCached(batch, maxNewTokens) : decodeRecompute(batch, maxNewTokens);
                for (int i = from; i < to; i++) {
                    outputs[byLength[i]] = generated[i - from];
                }
            }
        }
        return Arrays.asList(outputs);
    }

    private int[][] decodeCached(List<int[]> prompts, int maxNewTokens) {
        Rows rows = new Rows(prompts, maxNewTokens, eos);
        try (NDManager generation = model.manager().newSubManager()) {
            KvCache cache = new KvCache(model.config().numHiddenLayers(), rows.promptLength + maxNewTokens,
                    generation);
            long[] next;
            try (NDManager step = generation.newSubManager()) {
                ForwardContext context = model.leftPaddedContext(rows.padding, 0, rows.promptLength, step);
                // Only the last position's next token is read: the last layer's other positions give keys and values.
                next = greedyLast(model.hidden(rows.leftPadded(step), rows.promptLength - 1, context, cache));
            }
            for (int t = 0; rows.accept(next) && t < maxNewTokens - 1; t++) {
                try (NDManager step = generation.newSubManager()) {
                    NDArray ids = step.create(next, new Shape(next.length, 1));
                    ForwardContext context = model.leftPaddedContext(rows.padding, rows.promptLength + t, 1, step);
                    next = greedyLast(model.hidden(ids, context, cache));
                }
            }
        }
        return rows.outputs();
    }

    private int[][] decodeRecompute(List<int[]> prompts, int maxNewTokens) {
        Rows rows = new Rows(prompts, maxNewTokens, eos);
        long[] next;
        int t = 0;
        do {
            try (NDManager step = model.manager().newSubManager()) {
                NDArray ids = rows.leftPaddedWithGenerated(step, t);
                int length = rows.promptLength + t;
                ForwardContext context = model.leftPaddedContext(rows.padding, 0, length, step);
                next = greedyLast(model.hidden(ids, length - 1, context, null));
            }
            t++;
        } while (rows.accept(next) && t < maxNewTokens);
        return rows.outputs();
    }

    /** Argmax of the logits at the last position of every row. */
    private long[] greedyLast(NDArray hidden) {
        NDArray last = hidden.get(new NDIndex(":, -1, :")); // (B, D)
        return model.logits(last).argMax(1).toLongArray();
    }
}
