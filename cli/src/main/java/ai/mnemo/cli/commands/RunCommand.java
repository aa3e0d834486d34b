package ai.mnemo.cli.commands;

import ai.mnemo.cli.bench.Cpu;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Experiments from spec files, one after the other on a private local stack that is stopped at the end: what a
 * recorded study runs. With {@code --out}, each experiment's comparison and logit lens are written as JSON, named
 * after the spec file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run spec files one after the other on a private local stack, print each one's tables, and "
                + "optionally keep their results as JSON.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "experiment spec files (YAML or JSON)")
    List<Path> specs;

    @Option(names = "--out", description = "a directory for <spec>.json: the comparison, the logit lens, timing")
    Path out;

    @Option(names = "--timeout", defaultValue = "PT6H", description = "per experiment (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        MnemoHome home = MnemoHome.current();
        PrintStream console = System.out;
        Path dir = home.stateRoot().resolve("run");
        Directories.deleteRecursively(dir);
        if (out != null) {
            Files.createDirectories(out);
        }
        StackState stack = new LocalStack(home, console).start(dir, Ports.free(), StackOptions.forThisMachine());
        Thread stopOnInterrupt = new Thread(() -> LocalStack.stop(stack.processes()));
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        boolean allCompleted = true;
        try {
            for (Path file : specs) {
                ExperimentSpec spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(file));
                ExperimentRun.Outcome outcome = ExperimentRun.run(stack, spec, timeout, console);
                console.printf("%s: %s in %.1f minutes%n%n", file.getFileName(),
                        outcome.completed() ? "completed" : "not completed", outcome.minutes());
                allCompleted &= outcome.completed();
                if (out != null) {
                    write(out.resolve(file.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "") + ".json"),
                            spec, outcome, new ResultsClient(stack.resultsUrl()));
                }
            }
            return allCompleted ? 0 : 1;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            console.println("stopping the local stack");
            LocalStack.stop(stack.processes());
        }
    }

    private static void write(Path file, ExperimentSpec spec, ExperimentRun.Outcome outcome, ResultsClient results)
            throws java.io.IOException {
        ObjectNode json = EventCodec.json().createObjectNode();
        json.put("experimentId", outcome.experimentId());
        json.put("completed", outcome.completed());
        json.put("minutes", Math.round(outcome.minutes() * 10) / 10.0);
        json.put("cpu", Cpu.describe());
        json.set("spec", EventCodec.json().valueToTree(spec));
        json.set("comparison", EventCodec.json().valueToTree(outcome.comparison()));
        json.set("logitLens", EventCodec.json().valueToTree(results.logitLens(outcome.experimentId()).orElse(null)));
        EventCodec.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    }
}
