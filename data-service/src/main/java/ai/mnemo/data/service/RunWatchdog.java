package ai.mnemo.data.service;

import ai.mnemo.data.config.DataConfig;
import ai.mnemo.data.run.RunStates;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final Ticker ticker;

    public RunWatchdog(DataConfig config, RunStates states, RunConductor conductor) {
        ticker = new Ticker("run-watchdog", config.watchdog().interval(), () -> {
            try {
                states.running().forEach(runId -> tick(conductor, runId));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the running runs", e);
            }
        });
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
        ticker.close();
    }
}
