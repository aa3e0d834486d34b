package ai.mnemo.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.metrics.RougeL;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation throughput as eval-service does it (chat prompts, batched greedy generation with the KV cache,
 * decoding, exact match and ROUGE-L), on the tiny model: facts per second. The untrained model never stops early,
 * so every fact costs the full {@code maxNewTokens}: a worst case.
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {}

    public static void run(int threads, int facts, int batch, int maxNewTokens, int repeats, PrintStream out) {
        TorchRuntime.start(threads);
        try (NDManager root = TorchRuntime.newManager(); TinyKvr kvr = TinyKvr.create(facts, root)) {
            GreedyGenerator generator = new GreedyGenerator(kvr.loaded().model(), batch);
            score(kvr, generator, maxNewTokens); // warm-up
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                Score score = score(kvr, generator, maxNewTokens);
                seconds.add((System.nanoTime() - start) / 1e9);
                out.printf("  repeat %d: %d facts in %.3f s (exact match %.1f%%, ROUGE-L %.3f)%n", i + 1, facts,
                        seconds.get(i), 100 * score.exactMatch(), score.rougeL());
            }
            out.printf("RESULT facts_per_s=%.1f facts=%d batch=%d max_new_tokens=%d%n", facts / Medians.of(seconds),
                    facts, batch, maxNewTokens);
        }
    }

    private record Score(double exactMatch, double rougeL) {}

    private static Score score(TinyKvr kvr, GreedyGenerator generator, int maxNewTokens) {
        List<int[]> outputs = generator.generate(kvr.prompts(), maxNewTokens);
        int correct = 0;
        double rouge = 0;
        for (int i = 0; i < outputs.size(); i++) {
            String prediction = kvr.template().decode(outputs.get(i));
            String gold = kvr.answers().get(i);
            correct += Metric.EXACT_MATCH.correct(prediction, gold) ? 1 : 0;
            rouge += RougeL.f1(prediction, gold);
        }
        return new Score((double) correct / outputs.size(), rouge / outputs.size());
    }
}
