package ai.mnemo.lm.train;

/**
 * How a training run ended.
 *
 * @param stopReason {@code fixed-epochs}, {@code loss-threshold}, {@code epoch-cap}, {@code memorized},
 *     {@code not-memorized} (a failure) or {@code stopped} (asked to stop; resumable)
 */
public record TrainingResult(long steps, int epochs, double finalLoss, String stopReason, double seconds,
        double tokensPerSecond, Double exactMatch) {

    public boolean failed() {
        return "not-memorized".equals(stopReason);
    }
}
