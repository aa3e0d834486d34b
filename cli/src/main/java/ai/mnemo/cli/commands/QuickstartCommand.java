package ai.mnemo.cli.commands;

import ai.mnemo.cli.results.QuickstartReading;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.spec.ExperimentSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job on embedded defaults: a private local stack (broker, four services, embedded database, CPU, tiny
 * model), the quickstart experiment (KVR A -> KVR B, naive vs REMIX), progress as it goes, the table, and
 * everything stopped again.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the quickstart experiment on a private local stack and print its table.")
public final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--facts", defaultValue = "64", description = "facts in D_A and in D_B (default ${DEFAULT-VALUE})")
    int facts;

    @Option(names = "--seed", defaultValue = "0", description = "the run seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "also write the summary as JSON to this file")
    Path out;

    @Option(names = "--keep", description = "leave the stack running afterwards to browse the report (./mnemo down stops it)")
    boolean keep;

    @Option(names = "--timeout", defaultValue = "PT40M", description = "give up after this long (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        return run(MnemoHome.current(), System.out);
    }

    /** The whole quickstart; returns the exit code (0 when every run completed). */
    public int run(MnemoHome home, PrintStream console) throws Exception {
        long started = System.nanoTime();
        ExperimentSpec spec = QuickstartSpec.build(facts, seed);
        console.printf("Mnemo quickstart: %d KVR facts A -> B, naive vs REMIX (random words, ratio 2, stage 0), tiny model,"
                + " stage 1 at a tenth of stage 0's learning rate%n", facts);
        Path dir = StackDir.quickstart(home);
        if (StackState.load(dir).isPresent()) {
            console.println("a quickstart stack from --keep is still running: ./mnemo down stops it");
            return 1;
        }
        Directories.deleteRecursively(dir);
        console.println("starting a local stack in " + home.root().relativize(dir));
        StackState stack = new LocalStack(home, console).start(dir, Ports.free(), StackOptions.forThisMachine());
        Thread stopOnInterrupt = new Thread(() -> LocalStack.stop(stack.processes()));
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            ExperimentRun.Outcome outcome = ExperimentRun.run(stack, spec, timeout, console);
            if (outcome.summary() == null) {
                return 1;
            }
            if (!keep) {
                console.println("(the stack stops now: rerun with --keep to browse the report)");
            }
            if (out != null) {
                EventCodec.json().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), outcome.summary());
                console.println("summary written to " + out);
            }
            console.printf("quickstart %s in %.1f minutes%n", outcome.completed() ? "finished"
                    : "ended with failed runs", (System.nanoTime() - started) / 60e9);
            if (outcome.comparison() != null) {
                console.println(QuickstartReading.of(outcome.comparison()));
            }
            return outcome.completed() ? 0 : 1;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            if (keep) {
                stack.save();
                console.println("the local stack keeps running (./mnemo status; ./mnemo down stops it)");
            } else {
                console.println("stopping the local stack");
                LocalStack.stop(stack.processes());
            }
        }
    }
}
