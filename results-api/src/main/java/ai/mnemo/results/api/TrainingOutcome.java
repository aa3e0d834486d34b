package ai.mnemo.results.api;

import java.time.Instant;

/**
 * What training a stage produced (StageCompleted); the numbers stay null while it trains.
 *
 * @param steps optimizer steps
 * @param stopReason e.g. {@code memorized}, {@code fixed-epochs}
 * @param trainSeconds wall-clock seconds of training
 */
public record TrainingOutcome(
        Long steps,
        Integer epochs,
        Double finalLoss,
        String stopReason,
        Double trainSeconds,
        Double tokensPerSecond,
        Instant startedAt,
        Instant completedAt) {
}
