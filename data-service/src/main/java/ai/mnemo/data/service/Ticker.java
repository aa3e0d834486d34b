package ai.mnemo.data.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A task run on a daemon thread of its own every {@code interval} (after the previous run ends). A run that throws
 * is logged and the schedule goes on: one failed look must not end all later ones.
 */
final class Ticker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final ScheduledExecutorService executor;

    Ticker(String name, Duration interval, Runnable task) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: this run failed; the next one comes in %s", name, interval);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
