package ai.mnemo.results.api;

/**
 * One point of a loss curve; {@code exactMatch} (0..1) where the stopping rule measured memorization, {@code penalty}
 * where the method adds penalty terms to the loss.
 */
public record LossPointView(int stageIndex, long step, int epoch, double loss, double learningRate,
        Double exactMatch, Double penalty) {
}
