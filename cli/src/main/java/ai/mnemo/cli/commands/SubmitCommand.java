package ai.mnemo.cli.commands;

import ai.mnemo.cli.OneLineErrors;
import ai.mnemo.cli.kafka.ExperimentSubmitter;
import ai.mnemo.cli.results.ExperimentWait;
import ai.mnemo.cli.results.ProgressBars;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.results.ResultsReport;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Submits an experiment spec and prints its id: over REST to results-service (the local stack's, or {@code --url}
 * with a bearer token), or straight to Kafka with {@code --bootstrap-servers}. With {@code --wait} it then polls
 * results-service until the experiment ends and prints its results; {@code --follow} also draws a progress bar per
 * stage in training. The exit code says how it ended.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Validate an experiment spec (JSON or YAML) and submit it: to results-service over REST (the"
                + " local stack's, or --url), or to Kafka with --bootstrap-servers.",
        exitCodeListHeading = "Exit codes with --wait or --follow:%n",
        exitCodeList = {"0:completed", "1:failed (a run failed)", "2:invalid input", "3:results-service or Kafka"
            + " unreachable", "4:rejected", "5:cancelled"})
public final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment spec file")
    Path file;

    @Mixin
    ResultsTargetOptions target;

    @Option(names = "--bootstrap-servers", description = "publish to these Kafka brokers instead of REST")
    String bootstrapServers;

    @Option(names = "--wait", description = "wait until the experiment ends, print its results, and exit by how it"
            + " ended")
    boolean wait;

    @Option(names = "--follow", description = "like --wait, with a progress bar per stage in training (steps of"
            + " planned, loss, ETA) on stderr")
    boolean follow;

    @Option(names = "--poll", defaultValue = "PT2S", description = "with --wait/--follow, how often to ask"
            + " results-service (default ${DEFAULT-VALUE})")
    Duration poll;

    @Override
    public Integer call() throws InterruptedException {
        byte[] bytes = read(file);
        ExperimentSpec spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(bytes));
        String experimentId;
        String readUrl;
        if (bootstrapServers != null) {
            readUrl = wait || follow ? ResultsUrl.of(target.url) : null;
            experimentId = ExperimentSubmitter.submit(bootstrapServers, spec);
        } else {
            ResultsTarget results = target.resolve(" (or --bootstrap-servers)");
            String contentType = new String(bytes, 0, Math.min(bytes.length, 64)).strip().startsWith("{")
                    ? "application/json" : "application/yaml";
            readUrl = results.url();
            experimentId = new ResultsClient(results.url()).submit(bytes, contentType, results.bearer());
        }
        System.out.println(experimentId);
        if (!wait && !follow) {
            return 0;
        }
        return awaitEnd(new ResultsClient(readUrl), experimentId);
    }

    /** Polls until the experiment ends, prints its results, and answers its exit code. */
    private int awaitEnd(ResultsClient client, String experimentId) throws InterruptedException {
        System.err.println("waiting for " + experimentId + " to end (Ctrl-C stops waiting, not the experiment:"
                + " ./mnemo cancel " + experimentId + ")");
        ExperimentLineage ended;
        try (ProgressBars bars = follow ? new ProgressBars() : null) {
            ended = ExperimentWait.untilEnded(client, experimentId, poll, experiment -> {
                if (bars != null) {
                    bars.show(experiment);
                }
            });
        }
        System.out.println();
        System.out.print(ResultsReport.render(ended, "rejected".equals(ended.status()) ? Optional.empty()
                : client.comparison(experimentId), client.baseUrl()));
        return OneLineErrors.ofEnded(ended.status());
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment spec " + file, e);
        }
    }
}
