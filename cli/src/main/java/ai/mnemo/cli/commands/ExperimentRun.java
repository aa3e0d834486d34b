package ai.mnemo.cli.commands;

import ai.mnemo.cli.kafka.EventWatcher;
import ai.mnemo.cli.kafka.ExperimentProgress;
import ai.mnemo.cli.results.ComparisonTable;
import ai.mnemo.cli.results.ExperimentSummary;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.results.SubmissionRefusedException;
import ai.mnemo.cli.results.SummaryTable;
import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.api.ComparisonReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One experiment on a running stack, start to end: submit the spec, print progress as the events come, wait until
 * results-service has stored the end, print the runs and the comparison of methods.
 */
final class ExperimentRun {

    /** How it ended; {@code comparison} is null when the experiment was rejected or timed out. */
    record Outcome(String experimentId, ExperimentSummary summary, ComparisonReport comparison, boolean completed,
            double minutes) {}

    private ExperimentRun() {}

    static Outcome run(StackState stack, ExperimentSpec spec, Duration timeout, PrintStream console)
            throws InterruptedException {
        return run(stack, spec, timeout, console, event -> { });
    }

    /** As above, with {@code observer} seeing each of the experiment's events as it comes (a benchmark's clock). */
    static Outcome run(StackState stack, ExperimentSpec spec, Duration timeout, PrintStream console,
            Consumer<MnemoEvent> observer) throws InterruptedException {
        long started = System.nanoTime();
        try (EventWatcher watcher = new EventWatcher(stack.bootstrapServers())) {
            String experimentId;
            try {
                experimentId = new ResultsClient(stack.resultsUrl()).submit(json(spec), "application/json",
                        LocalAuth.of(stack.dir()).tokenForThisUser());
            } catch (SubmissionRefusedException e) {
                console.println("results-service refused the experiment: " + e.getMessage());
                e.violations().forEach(v -> console.println("  " + v));
                return new Outcome(null, null, null, false, minutes(started));
            }
            console.println("submitted experiment " + experimentId + " (" + spec.name() + ")");
            ExperimentProgress progress = new ExperimentProgress(console);
            if (!watcher.watch(experimentId, timeout, event -> {
                observer.accept(event);
                return progress.test(event);
            })) {
                console.println("timed out after " + timeout + "; logs are in " + stack.dir().resolve("logs"));
                return new Outcome(experimentId, null, null, false, minutes(started));
            }
            if (progress.rejection() != null) {
                return new Outcome(experimentId, null, null, false, minutes(started));
            }
            ExperimentSummary summary = progress.summary(experimentId);
            ResultsClient results = new ResultsClient(stack.resultsUrl());
            results.awaitFinished(experimentId, Duration.ofMinutes(1));
            ComparisonReport comparison = results.comparison(experimentId).orElse(null);
            console.println();
            console.print(SummaryTable.render(summary));
            if (comparison != null && summary.runs().size() > 1) {
                console.println();
                console.print(ComparisonTable.render(comparison));
            }
            console.println();
            console.println("stored by results-service: " + stack.resultsUrl() + "/api/experiments/" + experimentId);
            console.println("report:                    " + stack.resultsUrl() + "/experiments/" + experimentId);
            boolean completed = summary.runs().stream().allMatch(r -> "completed".equals(r.status()));
            return new Outcome(experimentId, summary, comparison, completed, minutes(started));
        }
    }

    private static byte[] json(ExperimentSpec spec) {
        try {
            return EventCodec.json().writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the spec", e);
        }
    }

    private static double minutes(long since) {
        return (System.nanoTime() - since) / 60e9;
    }
}
