package ai.mnemo.cli.commands;

import ai.mnemo.cli.bench.Cpu;
import ai.mnemo.cli.bench.FleetTimeline;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * `mnemo bench fleet`: equal small runs (naive, one seed each, KVR A -> B for a fixed number of epochs) on a private
 * local stack with several single-threaded trainers in one consumer group, timed from the runs' own events.
 */
final class FleetBenchmark {

    /** Equal jobs: fixed epochs, so every stage of every run does the same work. */
    private static final String SPEC = """
            name: bench fleet
            model: {preset: tiny, seed: 0}
            stages:
              - dataset: {name: kvr, split: A, size: %1$d}
              - dataset: {name: kvr, split: B, size: %1$d}
            training:
              learningRate: 0.003
              batchSize: 16
              stopping: {rule: fixed-epochs, epochs: %2$d}
            evaluation: {maxNewTokens: 12}
            grid:
              methods: [{name: naive}]
              seeds: [%3$s]
            """;

    record Settings(int runs, int trainers, int facts, int epochs, Duration timeout) {}

    private FleetBenchmark() {}

    static int run(MnemoHome home, Settings settings, PrintStream out) throws Exception {
        ExperimentSpec spec = spec(settings);
        out.printf("fleet benchmark: %d runs x 2 stages (%d KVR facts, %d epochs each) on %d trainers, 1 thread each;"
                + " %s%n", settings.runs(), settings.facts(), settings.epochs(), settings.trainers(), Cpu.describe());
        Path dir = home.stateRoot().resolve("bench-fleet");
        Directories.deleteRecursively(dir);
        StackState stack = new LocalStack(home, out).start(dir, Ports.free(),
                new StackOptions(settings.trainers(), 1, 1));
        Thread stopOnInterrupt = new Thread(() -> LocalStack.stop(stack.processes()));
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            FleetTimeline timeline = new FleetTimeline();
            ExperimentRun.Outcome outcome = ExperimentRun.run(stack, spec, settings.timeout(), out, timeline::record);
            if (!outcome.completed()) {
                out.println("the runs did not all complete; logs are in " + dir.resolve("logs"));
                return 1;
            }
            FleetTimeline.Figures figures = timeline.figures(settings.trainers());
            out.println();
            figures.jobsByWorker().forEach((worker, jobs) -> out.printf("  trainer %-40s %2d jobs, busy %6.1f s%n",
                    worker, jobs, figures.busySecondsByWorker().get(worker)));
            out.printf("  makespan %.1f s, ideal %.1f s (%d jobs' summed time over %d trainers)%n",
                    figures.makespanSeconds(), figures.idealSeconds(), figures.jobs(), settings.trainers());
            out.printf("RESULT makespan_ratio=%.3f handoff_p50_s=%.2f handoff_p95_s=%.2f runs=%d trainers=%d%n",
                    figures.makespanRatio(), figures.handoffP50Seconds(), figures.handoffP95Seconds(), settings.runs(),
                    settings.trainers());
            return 0;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            LocalStack.stop(stack.processes());
        }
    }

    static ExperimentSpec spec(Settings settings) {
        StringBuilder seeds = new StringBuilder();
        for (int seed = 0; seed < settings.runs(); seed++) {
            seeds.append(seed == 0 ? "" : ", ").append(seed);
        }
        return ExperimentSpecs.requireValid(ExperimentSpecs.parse(
                SPEC.formatted(settings.facts(), settings.epochs(), seeds)));
    }
}
