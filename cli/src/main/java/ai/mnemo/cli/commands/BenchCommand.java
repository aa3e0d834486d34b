package ai.mnemo.cli.commands;

import ai.mnemo.cli.bench.DataBenchmark;
import ai.mnemo.cli.bench.EvaluationBenchmark;
import ai.mnemo.cli.bench.GenerationBenchmark;
import ai.mnemo.cli.bench.KernelLevel;
import ai.mnemo.cli.bench.MemorizationBenchmark;
import ai.mnemo.cli.bench.TrainerBenchmark;
import ai.mnemo.cli.stack.MnemoHome;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks that anyone can rerun; each prints its result as its last line, {@code RESULT key=value ...}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Rerunnable benchmarks.")
public final class BenchCommand {

    @Option(names = "--threads", defaultValue = "2", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "intra-op threads for every side (default ${DEFAULT-VALUE})")
    int threads;

    @Command(name = "trainer", mixinStandardHelpOptions = true,
            description = "Mnemo's trainer vs plain PyTorch on the tiny model, alternating A B A B.")
    int trainer(
            @Option(names = "--peer", defaultValue = "cli/src/main/python/pytorch_trainer.py",
                    description = "the PyTorch reference script, relative to the checkout (default ${DEFAULT-VALUE})")
            Path peer,
            @Option(names = "--python", defaultValue = "/usr/bin/python3",
                    description = "Python with torch (default ${DEFAULT-VALUE})") String python,
            @Option(names = "--pairs", defaultValue = "3") int pairs,
            @Option(names = "--epochs", defaultValue = "12") int epochs,
            @Option(names = "--warm", defaultValue = "2") int warm,
            @Option(names = "--kernels", defaultValue = "native", converter = KernelLevelConverter.class,
                    description = "native, or avx2 to cap both sides' vector kernels at AVX2 (default ${DEFAULT-VALUE})")
            KernelLevel kernels) {
        Path script = peer.isAbsolute() ? peer : MnemoHome.current().root().resolve(peer).normalize();
        TrainerBenchmark.run(new TrainerBenchmark.Settings(script, python, pairs, threads, epochs, warm, 200, 32,
                kernels),
                System.out);
        return 0;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Greedy generation with the key/value cache vs full recompute.")
    int generate(@Option(names = "--batch", defaultValue = "32") int batch,
            @Option(names = "--new-tokens", defaultValue = "64") int newTokens,
            @Option(names = "--repeats", defaultValue = "3") int repeats) {
        GenerationBenchmark.run(threads, batch, newTokens, repeats, System.out);
        return 0;
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluation throughput (facts per second) of the tiny model, as eval-service evaluates.")
    int eval(@Option(names = "--facts", defaultValue = "200") int facts,
            @Option(names = "--batch", defaultValue = "32") int batch,
            @Option(names = "--max-new-tokens", defaultValue = "12") int maxNewTokens,
            @Option(names = "--repeats", defaultValue = "3") int repeats) {
        EvaluationBenchmark.run(threads, facts, batch, maxNewTokens, repeats, System.out);
        return 0;
    }

    @Command(name = "memorize", mixinStandardHelpOptions = true,
            description = "Tiny model memorizes KVR facts (120 by default) to 100%% greedy exact match: epochs and "
                    + "seconds.")
    int memorize(@Option(names = "--facts", defaultValue = "120") int facts,
            @Option(names = "--lr", defaultValue = "0.003") double learningRate,
            @Option(names = "--max-epochs", defaultValue = "500") int maxEpochs) {
        MemorizationBenchmark.run(threads, facts, learningRate, maxEpochs, false, System.out);
        return 0;
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "A long fixed-epoch run in a JVM with a fixed, pre-touched heap: peak memory at epoch 10 "
                    + "and at the end must stay level.")
    int memory(@Option(names = "--facts", defaultValue = "200") int facts,
            @Option(names = "--epochs", defaultValue = "300") int epochs) throws Exception {
        return MemorizationBenchmark.inFixedHeapJvm(threads, facts, epochs);
    }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = "Prepares a TriviaQA-sized pool (generated in the real export schema) as data-service does.")
    int data(@Option(names = "--rows", defaultValue = "100000",
                    description = "facts in the pool and in the prepared split (default ${DEFAULT-VALUE})") int rows,
            @Option(names = "--ratio", defaultValue = "2",
                    description = "REMIX random-word mixing ratio (default ${DEFAULT-VALUE})") double ratio,
            @Option(names = "--words", defaultValue = "50",
                    description = "words per mixing sequence (default ${DEFAULT-VALUE})") int words,
            @Option(names = "--format", defaultValue = "qa",
                    description = "qa or multiple-choice (default ${DEFAULT-VALUE})") String format,
            @Option(names = "--seed", defaultValue = "0") long seed) {
        DataBenchmark.run(new DataBenchmark.Settings(rows, ratio, words, format, seed), System.out);
        return 0;
    }

    @Command(name = "fleet", mixinStandardHelpOptions = true,
            description = "Equal small runs on a local fleet of single-threaded trainers: the makespan over the ideal "
                    + "and the stage hand-off latency.")
    int fleet(@Option(names = "--runs", defaultValue = "8") int runs,
            @Option(names = "--trainers", defaultValue = "2") int trainers,
            @Option(names = "--facts", defaultValue = "32", description = "facts per stage (default ${DEFAULT-VALUE})")
            int facts,
            @Option(names = "--epochs", defaultValue = "60", description = "epochs per stage (default ${DEFAULT-VALUE})")
            int epochs,
            @Option(names = "--timeout", defaultValue = "PT30M") Duration timeout) throws Exception {
        return FleetBenchmark.run(MnemoHome.current(), new FleetBenchmark.Settings(runs, trainers, facts, epochs,
                timeout), System.out);
    }

    /** {@code avx2} or {@code AVX2}. */
    static final class KernelLevelConverter implements picocli.CommandLine.ITypeConverter<KernelLevel> {
        @Override
        public KernelLevel convert(String value) {
            return KernelLevel.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
