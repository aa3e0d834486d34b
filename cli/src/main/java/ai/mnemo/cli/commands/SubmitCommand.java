package ai.mnemo.cli.commands;

import ai.mnemo.cli.kafka.ExperimentSubmitter;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Submits an experiment spec and prints its id: over REST to results-service (the local stack's, or {@code --url}
 * with a bearer token), or straight to Kafka with {@code --bootstrap-servers}.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Validate an experiment spec (JSON or YAML) and submit it: to results-service over REST (the"
                + " local stack's, or --url), or to Kafka with --bootstrap-servers.")
public final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment spec file")
    Path file;

    @Mixin
    ResultsTargetOptions target;

    @Option(names = "--bootstrap-servers", description = "publish to these Kafka brokers instead of REST")
    String bootstrapServers;

    @Override
    public Integer call() {
        byte[] bytes = read(file);
        ExperimentSpec spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(bytes));
        if (bootstrapServers != null) {
            System.out.println(ExperimentSubmitter.submit(bootstrapServers, spec));
            return 0;
        }
        ResultsTarget results = target.resolve(" (or --bootstrap-servers)");
        String contentType = new String(bytes, 0, Math.min(bytes.length, 64)).strip().startsWith("{")
                ? "application/json" : "application/yaml";
        System.out.println(new ResultsClient(results.url()).submit(bytes, contentType, results.bearer()));
        return 0;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment spec " + file, e);
        }
    }
}
