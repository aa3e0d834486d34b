package ai.mnemo.lm.train;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import ai.mnemo.lm.model.Llama;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Greedy exact match on the stage's facts, computed cheaply but exactly. A row whose every answer token (and EOS)
 * is the argmax under teacher forcing would be generated verbatim by greedy decoding, so it is correct under any
 * metric; only the other rows are generated and scored with the metric.
 */
public final class MemorizationProbe implements MemorizationCheck {

    private final List<EncodedExample> rows;
    private final List<String> golds;
    private final ChatTemplate template;
    private final BiPredicate<String, String> correct;
    private final int batchSize;
    private final int maxNewTokens;

    /**
     * @param correct the dataset's metric: (prediction, gold) -> correct
     */
    public MemorizationProbe(List<EncodedExample> rows, List<String> golds, ChatTemplate template,
            BiPredicate<String, String> correct, int batchSize, int maxNewTokens) {
        if (rows.size() != golds.size()) {
            throw new IllegalArgumentException("one gold answer per row is needed");
        }
        this.rows = rows;
        this.golds = golds;
        this.template = template;
        this.correct = correct;
        this.batchSize = batchSize;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public double exactMatch(Llama model) {
        List<Integer> toGenerate = new ArrayList<>();
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<EncodedExample> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                boolean[] forced = teacherForcedMatches(model, batch);
                for (int i = 0; i < forced.length; i++) {
                    if (!forced[i]) {
                        toGenerate.add(from + i);
                    }
                }
            }
        }
        int wrong = 0;
        if (!toGenerate.isEmpty()) {
            List<int[]> prompts = toGenerate.stream().map(i -> rows.get(i).prompt()).toList();
            List<int[]> outputs = new GreedyGenerator(model, batchSize).generate(prompts, maxNewTokens);
            for (int k = 0; k < outputs.size(); k++) {
                if (!correct.test(template.decode(outputs.get(k)), golds.get(toGenerate.get(k)))) {
                    wrong++;
                }
            }
        }
        return 1.0 - (double) wrong / rows.size();
    }

    private static boolean[] teacherForcedMatches(Llama model, List<EncodedExample> batch) {
        try (NDManager scope = model.manager().newSubManager()) {
            TrainingBatch tensors = TrainingBatch.of(batch, model.config().eosTokenId(), scope);
            long[] predicted = CausalLmLoss.scoredLogits(model, tensors, scope).argMax(1).toLongArray();
            long[] targets = tensors.targets().toLongArray();
            boolean[] matches = new boolean[batch.size()];
            int at = 0;
            for (int r = 0; r < batch.size(); r++) {
                int scored = batch.get(r).length() - batch.get(r).promptLength();
                boolean all = true;
                for (int i = 0; i < scored; i++, at++) {
                    all &= predicted[at] == targets[at];
                }
                matches[r] = all;
            }
            return matches;
        }
    }
}
