package ai.mnemo.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Greedy generation with the key/value cache against full recompute: batch 32 KVR prompts, 64 new tokens, the
 * tiny model; both produce the same tokens (a test proves it), so the ratio of their times is the cache's speedup.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {}

    public static void run(int threads, int batch, int newTokens, int repeats, PrintStream out) {
        TorchRuntime.start(threads);
        try (NDManager root = TorchRuntime.newManager(); TinyKvr kvr = TinyKvr.create(batch, root)) {
            GreedyGenerator generator = new GreedyGenerator(kvr.loaded().model(), batch);
            List<int[]> prompts = kvr.prompts();
            generator.generate(prompts, newTokens); // warm-up
            generator.generateWithoutCache(prompts, 4);
            List<Double> cached = new ArrayList<>();
            List<Double> recomputed = new ArrayList<>();
            long produced = 0;
            for (int i = 0; i < repeats; i++) {
                long[] count = new long[1];
                cached.add(seconds(() -> count[0] = tokens(generator.generate(prompts, newTokens))));
                recomputed.add(seconds(() -> tokens(generator.generateWithoutCache(prompts, newTokens))));
                produced = count[0];
                out.printf("  repeat %d: cached %.3f s, recompute %.3f s, %d tokens%n", i + 1, cached.get(i),
                        recomputed.get(i), produced);
            }
            double speedup = Medians.of(recomputed) / Medians.of(cached);
            out.printf("RESULT kv_cache_speedup=%.2f tokens_per_s=%.1f%n", speedup, produced / Medians.of(cached));
        }
    }

    private static long tokens(List<int[]> outputs) {
        return outputs.stream().mapToLong(o -> o.length).sum();
    }

    private static double seconds(Supplier<Long> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e9;
    }
}
