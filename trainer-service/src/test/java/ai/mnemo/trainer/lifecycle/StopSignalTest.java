package ai.mnemo.trainer.lifecycle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopSignalTest {

    @Test
    void aStopRefusesNewJobsAndShutdownWaitsForTheRunningOne() throws Exception {
        StopSignal signal = new StopSignal();
        assertTrue(signal.tryStartJob());
        signal.requestStop();
        assertTrue(signal.stopRequested());
        assertFalse(signal.tryStartJob(), "a stopping instance must not take another job");
        assertFalse(signal.awaitIdle(Duration.ofMillis(50)), "idle while a job still runs");

        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitIdle(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        signal.jobEnded();
        assertTrue(idle.get(30, TimeUnit.SECONDS));
    }
}
