package ai.mnemo.cli.commands;

import ai.mnemo.cli.kafka.ExperimentSubmitter;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.events.spec.Violation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes an experiment spec to Kafka as ExperimentRequested and prints its id. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Validate an experiment spec (JSON or YAML) and publish it to Kafka.")
public final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment spec file")
    Path file;

    @Option(names = "--bootstrap-servers",
            description = "Kafka brokers (default: the local stack's, else 127.0.0.1:9092)")
    String bootstrapServers;

    @Override
    public Integer call() {
        ExperimentSpec spec;
        try {
            spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(file));
        } catch (InvalidSpecException e) {
            System.err.println(file + " is not a valid experiment spec:");
            for (Violation violation : e.violations()) {
                System.err.println("  " + violation);
            }
            return 2;
        }
        String servers = bootstrapServers != null ? bootstrapServers
                : StackState.load(StackDir.of(MnemoHome.current())).map(StackState::bootstrapServers)
                        .orElse("127.0.0.1:9092");
        System.out.println(ExperimentSubmitter.submit(servers, spec));
        return 0;
    }
}
