package ai.mnemo.data.service;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.run.RunStates;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Looks at every running run each {@code mnemo.data.watchdog.interval} and lets its state machine decide whether a
 * stage stalled ({@code RunInput.Tick}). The run's lock makes the look safe beside event handling and beside other
 * data-service instances doing the same.
 */
@Startup
@ApplicationScoped
public class RunWatchdog {

    private static final Logger LOG = Logger.getLogger(RunWatchdog.class);

    private final ScheduledExecutorService ticker;

    public RunWatchdog(DataConfig config, RunStates states, RunConductor conductor) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.watchdog().interval().toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                for (String runId : states.running()) {
                    tick(conductor, runId);
                }
            } catch (Exception e) {
                LOG.errorf(e, "the watchdog could not list the running runs");
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private static void tick(RunConductor conductor, String runId) {
        try {
            conductor.tick(runId);
        } catch (RuntimeException e) {
            // One run's trouble must not keep the others from being looked at.
            LOG.errorf(e, "the watchdog could not look at run %s", runId);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
