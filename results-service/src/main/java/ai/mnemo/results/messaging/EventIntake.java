package ai.mnemo.results.messaging;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.config.ResultsConfig;
import ai.mnemo.results.metrics.ExperimentStatusGauge;
import ai.mnemo.results.metrics.ScienceGauges;
import ai.mnemo.results.metrics.ResultsMetrics;
import ai.mnemo.results.service.LineageRecorder;
import ai.mnemo.results.service.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Turns one event into lineage rows: apply it in a transaction of its own, and retry that transaction when it loses
 * a race (consumers of other topics create and update the same rows). An event that cannot be stored is counted
 * and dead-lettered, and the consumer goes on; the one exception is a shutdown in the middle of a write, where the
 * record is left unacknowledged to be read again after the restart.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final LineageRecorder recorder;
    private final ResultsMetrics metrics;
    private final ExperimentStatusGauge statusGauge;
    private final ScienceGauges scienceGauges;
    private final ResultsConfig.Writes writes;
    private volatile boolean stopping;

    public EventIntake(LineageRecorder recorder, ResultsMetrics metrics, ExperimentStatusGauge statusGauge,
            ScienceGauges scienceGauges, ResultsConfig config) {
        this.scienceGauges = scienceGauges;
        this.recorder = recorder;
        this.metrics = metrics;
        this.statusGauge = statusGauge;
        this.writes = config.writes();
    }

    /**
     * Applies one decoded event (EventReader decoded it, or dead-lettered what it could not).
     *
     * @throws ShuttingDownException when the application stops mid-write: the record is read again after a restart
     * @throws IllegalStateException when storing kept failing: the record goes to the dead-letter topic
     */
    public Outcome accept(String topic, MnemoEvent event) {
        Outcome outcome = store(topic, event);
        metrics.consumed(topic, outcome);
        statusGauge.after(topic, outcome);
        scienceGauges.after(topic, outcome);
        if (outcome == Outcome.FAILED) {
            throw new IllegalStateException("could not store " + describe(topic, event));
        }
        return outcome;
    }

    /**
     * Applies the event, retrying lost races a bounded number of times and an unreachable database for as long as
     * it takes (the topic waits; nothing is lost).
     *
     * @throws ShuttingDownException when the application stops before the event could be stored: the record is
     *         then not acknowledged, so it is read again after the restart
     */
    private Outcome store(String topic, MnemoEvent event) {
        long backoff = writes.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> recorder.record(topic, event));
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new ShuttingDownException(describe(topic, event), e);
                }
                boolean unreachable = DatabaseFailures.unreachable(e);
                if (!unreachable && attempt >= writes.attempts()) {
                    LOG.errorf(e, "could not store %s after %d tries; skipped (replaying the topic restores it, "
                            + "the lineage is idempotent)", describe(topic, event), attempt);
                    return Outcome.FAILED;
                }
                if (unreachable && attempt % writes.attempts() == 0) {
                    LOG.warnf("the database is unreachable (%s); %s waits, %d tries so far", e.getMessage(), topic,
                            attempt);
                }
                LOG.debugf("storing %s failed (try %d), retrying: %s", describe(topic, event), attempt,
                        e.getMessage());
                // Jitter, so two consumers that collided do not collide again on the same schedule.
                pause(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, writes.maxBackoff().toMillis());
            }
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private static String describe(String topic, MnemoEvent event) {
        return event.getClass().getSimpleName() + " " + event.eventId() + " from " + topic;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDownException("interrupted while retrying a write", e);
        }
    }
}
