package ai.mnemo.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.MemorizationProbe;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingListener;
import ai.mnemo.lm.train.TrainingOptions;
import ai.mnemo.lm.train.TrainingResult;
import java.io.PrintStream;

/**
 * The paper-sized memorization run of the tiny preset: KVR facts in the chat format until 100% greedy exact
 * match (the memorized rule), reporting epochs, wall time and the process's peak memory along the way. With
 * {@code fixedEpochs} it trains that many epochs instead (a soak run: memory must stay flat).
 */
public final class MemorizationBenchmark {

    private MemorizationBenchmark() {}

    /**
     * Runs the fixed-epoch soak in a child JVM whose heap is fixed and touched up front ({@code -XX:+AlwaysPreTouch})
     * and whose direct memory is capped: otherwise the resident size grows for a long while just because the JVM
     * touches fresh heap pages and frees the engine's input buffers (direct buffers) only at its next collection,
     * which hides what matters here, leaks of native engine memory. Returns the child's exit code.
     */
    public static int inFixedHeapJvm(int threads, int facts, int epochs) throws Exception {
        Process child = new ProcessBuilder(ai.mnemo.cli.stack.MnemoHome.java(), "-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch", "-XX:MaxDirectMemorySize=32m", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"),
                MemorizationBenchmark.class.getName(), Integer.toString(threads), Integer.toString(facts),
                Integer.toString(epochs)).inheritIO().start();
        return child.waitFor();
    }

    /** Child JVM entry of {@link #inFixedHeapJvm}: threads facts epochs. */
    public static void main(String[] args) {
        run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 0.003, Integer.parseInt(args[2]), true, System.out);
    }

    public static void run(int threads, int facts, double learningRate, int epochs, boolean fixedEpochs,
            PrintStream out) {
        TorchRuntime.start(threads);
        long started = System.nanoTime();
        try (NDManager root = TorchRuntime.newManager(); TinyKvr kvr = TinyKvr.create(facts, root)) {
            Llama model = kvr.loaded().model();
            StoppingRule rule = fixedEpochs ? new StoppingRule.FixedEpochs(epochs) : new StoppingRule.Memorized(epochs);
            TrainingOptions options = TrainingOptions.builder(rule).optLearningRate(learningRate)
                    .optCheckpointEveryEpochs(0).build();
            MemorizationProbe probe = new MemorizationProbe(kvr.rows(), kvr.answers(), kvr.template(),
                    Metric.EXACT_MATCH, 128, 12);
            long[] peakAtEpoch10 = new long[1];
            TrainingListener log = new TrainingListener() {
                @Override
                public void onEpoch(EpochReport r) {
                    if (r.epoch() == 10) {
                        peakAtEpoch10[0] = ProcessMemory.peakKilobytes();
                    }
                    if (r.epoch() % 10 == 0) {
                        out.printf("  epoch %d loss %.4f%s %.0f tokens/s, peak RSS %d MB%n", r.epoch(), r.meanLoss(),
                                r.exactMatch() == null ? "" : String.format(" exact match %.1f%%", 100 * r.exactMatch()),
                                r.tokensPerSecond(), ProcessMemory.peakKilobytes() / 1024);
                    }
                }
            };
            TrainingResult result = new Trainer(model, options, log).train(kvr.rows(),
                    new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0), null,
                    fixedEpochs ? null : probe, CheckpointSink.NONE);
            double wall = (System.nanoTime() - started) / 1e9;
            out.printf("RESULT facts=%d epochs=%d exact_match=%.3f stop=%s seconds=%.1f train_seconds=%.1f "
                    + "peak_rss_mb_epoch10=%d peak_rss_mb_end=%d%n", facts, result.epochs(),
                    fixedEpochs ? probe.exactMatch(model) : result.exactMatch(), result.stopReason(), wall,
                    result.seconds(), peakAtEpoch10[0] / 1024, ProcessMemory.peakKilobytes() / 1024);
        }
    }
}
