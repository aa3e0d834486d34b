package ai.mnemo.lm.train;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.datasets.metrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy exact match on the stage's facts, computed cheaply but exactly. Teacher forcing tells, for every row, the
 * first answer position where the argmax leaves the gold answer, and which token it picks there; greedy decoding
 * would produce the gold tokens up to there and then that token. So a row with no such position is generated
 * verbatim (correct under any metric); a row whose argmax ends the answer early is judged on that shorter answer;
 * a row whose metric already rejects what it would begin with is wrong. Only the rest are generated and judged.
 */
public final class MemorizationProbe implements MemorizationCheck {

    private final List<EncodedExample> rows;
    private final List<String> golds;
    private final ChatTemplate template;
    private final Metric metric;
    private final int batchSize;
    private final int maxNewTokens;

    /**
     * @param metric the dataset's metric
     */
    public MemorizationProbe(List<EncodedExample> rows, List<String> golds, ChatTemplate template, Metric metric,
            int batchSize, int maxNewTokens) {
        if (rows.size() != golds.size()) {
            throw new IllegalArgumentException("one gold answer per row is needed");
        }
        this.rows = rows;
        this.golds = golds;
        this.template = template;
        this.metric = metric;
        this.batchSize = batchSize;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public double exactMatch(Llama model) {
        List<Integer> toGenerate = new ArrayList<>();
        int wrong = 0;
        int eos = model.config().eosTokenId();
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<EncodedExample> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                long[][] departures = departuresOnTheCores(model, batch);
                for (int i = 0; i < batch.size(); i++) {
                    long[] departure = departures[i];
                    if (departure == null) {
                        continue;
                    }
                    EncodedExample row = batch.get(i);
                    String gold = golds.get(from + i);
                    int[] kept = answerTokens(row, (int) departure[0]);
                    if (departure[1] == eos) {
                        wrong += metric.correct(template.decode(kept), gold) ? 0 : 1;
                    } else if (!metric.couldStillMatch(template.decode(append(kept, (int) departure[1])), gold)) {
                        wrong++;
                    } else {
                        toGenerate.add(from + i);
                    }
                }
            }
        }
        if (!toGenerate.isEmpty()) {
            List<int[]> prompts = toGenerate.stream().map(i -> rows.get(i).prompt()).toList();
            List<int[]> outputs = new GreedyGenerator(model, batchSize).generate(prompts, maxNewTokens);
            for (int k = 0; k < outputs.size(); k++) {
                if (!metric.correct(template.decode(outputs.get(k)), golds.get(toGenerate.get(k)))) {
                    wrong++;
                }
            }
        }
        return 1.0 - (double) wrong / rows.size();
    }

    /** {@link #departures} of the batch, in two halves side by side where training takes batches so. */
    private static long[][] departuresOnTheCores(Llama model, List<EncodedExample> batch) {
        if (batch.size() < 2 || !BatchHalves.worthwhile(model)) {
            return departures(model, batch);
        }
        int half = (batch.size() + 1) / 2;
        List<long[][]> parts = BatchHalves.shared().both(() -> departures(model, batch.subList(0, half)),
                () -> departures(model, batch.subList(half, batch.size())));
        long[][] all = Arrays.copyOf(parts.get(0), batch.size());
        System.arraycopy(parts.get(1), 0, all, half, batch.size() - half);
        return all;
    }

    /**
     * Per row, null when every answer token (and EOS) is the argmax under teacher forcing, else the first answer
     * position where it is not and the argmax token there.
     */
    private static long[][] departures(Llama model, List<EncodedExample> batch) {
        try (NDManager scope = model.manager().newSubManager(); TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            TrainingBatch tensors = TrainingBatch.of(batch, model.config().eosTokenId(), scope);
            long[] predicted = CausalLmLoss.scoredLogits(model, tensors, scope).argMax(1).toLongArray();
            long[] targets = tensors.targets().toLongArray();
            long[][] departures = new long[batch.size()][];
            int at = 0;
            for (int r = 0; r < batch.size(); r++) {
                int scored = batch.get(r).length() - batch.get(r).promptLength();
                for (int i = 0; i < scored; i++) {
                    if (departures[r] == null && predicted[at + i] != targets[at + i]) {
                        departures[r] = new long[] {i, predicted[at + i]};
                    }
                }
                at += scored;
            }
            return departures;
        }
    }

    /** The first {@code count} answer tokens of the row. */
    private static int[] answerTokens(EncodedExample row, int count) {
        return Arrays.copyOfRange(row.tokens(), row.promptLength(), row.promptLength() + count);
    }

    private static int[] append(int[] tokens, int token) {
        int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }
}
