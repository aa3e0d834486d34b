package ai.mnemo.cli.commands;

import ai.mnemo.cli.kafka.ExperimentSubmitter;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--url", description = "results-service (default: the local stack's)")
    String url;

    @Option(names = "--token", description = "bearer token for --url (default: $MNEMO_TOKEN; the local stack's"
            + " own is signed by itself)")
    String token;

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
        Optional<StackState> stack = StackState.load(StackDir.of(MnemoHome.current()));
        String target = url != null ? url : stack.map(StackState::resultsUrl).orElseThrow(() ->
                new IllegalArgumentException("no local stack is up: start one with ./mnemo up, or give --url (or"
                        + " --bootstrap-servers)"));
        String bearer = token != null ? token : System.getenv("MNEMO_TOKEN");
        if (bearer == null && url == null) {
            bearer = LocalAuth.of(stack.get().dir()).token(System.getProperty("user.name"));
        }
        if (bearer == null) {
            throw new IllegalArgumentException("--url needs a bearer token: give --token or set MNEMO_TOKEN");
        }
        String contentType = new String(bytes, 0, Math.min(bytes.length, 64)).strip().startsWith("{")
                ? "application/json" : "application/yaml";
        System.out.println(new ResultsClient(target).submit(bytes, contentType, bearer));
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
