package ai.mnemo.cli.results;

import ai.mnemo.results.api.ExperimentLineage;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls an experiment's lineage over REST until it has ended (completed, failed, rejected or cancelled). REST, not
 * Kafka: a cluster's broker is internal-only, its results-service is what a researcher can reach.
 */
public final class ExperimentWait {

    /** How long results-service may not know a submitted id, or not answer well, before waiting gives up. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private ExperimentWait() {}

    /**
     * @param each called with every lineage read, the last (ended) one too
     * @return the ended experiment
     * @throws IllegalStateException when results-service stays unreachable, or does not learn of the experiment,
     *     for {@link #PATIENCE}
     */
    public static ExperimentLineage untilEnded(ResultsClient client, String experimentId, Duration every,
            Consumer<ExperimentLineage> each) throws InterruptedException {
        long started = System.nanoTime();
        long lastAnswer = started;
        boolean seen = false;
        while (true) {
            try {
                Optional<ExperimentLineage> experiment = client.experiment(experimentId);
                lastAnswer = System.nanoTime();
                if (experiment.isPresent()) {
                    seen = true;
                    each.accept(experiment.get());
                    if (ResultsClient.FINISHED.contains(experiment.get().status())) {
                        return experiment.get();
                    }
                } else if (seen || waited(started) > PATIENCE.toNanos()) {
                    throw new IllegalStateException("results-service at " + client.baseUrl() + " does not know"
                            + " experiment " + experimentId + (seen ? " any more" : " after " + PATIENCE.toSeconds()
                            + " s") + ": is its consumer running? (its log, ./mnemo status)");
                }
            } catch (IllegalStateException e) {
                // Unreachable, or a 5xx (a restart, a proxy): worth asking again for a while.
                String message = String.valueOf(e.getMessage());
                boolean passing = message.startsWith("cannot reach")
                        || message.startsWith("results-service answered 5");
                if (!passing || waited(lastAnswer) > PATIENCE.toNanos()) {
                    throw e;
                }
            }
            Thread.sleep(every.toMillis());
        }
    }

    private static long waited(long since) {
        return System.nanoTime() - since;
    }
}
