package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.results.api.StageProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageEstimateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theEtaIsTheStepsLeftAtThePaceSoFar() {
        // 50 steps in 100 s: 200 left take 400 s.
        StageProgress progress = new StageProgress(1, 250, 0, T0, 50, 1, 0.7, T0.plusSeconds(100));
        assertEquals(Optional.of(Duration.ofSeconds(400)), StageEstimate.eta(progress));
    }

    @Test
    void aResumedAttemptCountsOnlyItsOwnSteps() {
        // resumed at 100, at 150 after 50 s: one step a second, 150 left.
        StageProgress progress = new StageProgress(2, 300, 100, T0, 150, 3, 0.2, T0.plusSeconds(50));
        assertEquals(Optional.of(Duration.ofSeconds(150)), StageEstimate.eta(progress));
    }

    @Test
    void noPaceBeforeTheFirstReport() {
        assertEquals(Optional.empty(), StageEstimate.eta(new StageProgress(1, 300, 0, T0, 0, null, null, null)));
        // a report of the step it resumed from says nothing of the pace either
        assertEquals(Optional.empty(), StageEstimate.eta(new StageProgress(1, 300, 40, T0, 40, 1, 1.0,
                T0.plusSeconds(5))));
    }

    @Test
    void pastThePlannedStepsNothingIsLeft() {
        assertEquals(Optional.of(Duration.ZERO), StageEstimate.eta(new StageProgress(1, 100, 0, T0, 120, 4, 0.1,
                T0.plusSeconds(60))));
    }
}
