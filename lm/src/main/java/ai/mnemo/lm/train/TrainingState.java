package ai.mnemo.lm.train;

/**
 * Where a training run stands, saved with every checkpoint so a run can resume exactly: the resumed run replays
 * the same batches in the same order with the same learning rates.
 *
 * @param step optimizer steps taken
 * @param epoch the current epoch, 0-based
 * @param nextBatch the next batch of the current epoch's order
 * @param order the current epoch's permutation of the rows
 * @param randomState the data-order generator's state after drawing {@code order}
 * @param lossBelowThreshold steps so far whose loss was under the loss-threshold rule's threshold
 * @param plannedSteps the step count the learning-rate schedule was planned for
 * @param lastLoss loss of the last step
 * @param seconds training wall time so far
 * @param tokens tokens processed so far
 * @param stopReason why the run ended, or null while it is still going
 * @param lossScale the fp16 loss scaler's state, or null when the loss is not scaled
 */
public record TrainingState(
        long step,
        int epoch,
        int nextBatch,
        int[] order,
        long randomState,
        int lossBelowThreshold,
        long plannedSteps,
        double lastLoss,
        double seconds,
        long tokens,
        String stopReason,
        LossScaler.State lossScale) {

    public boolean finished() {
        return stopReason != null;
    }
}
