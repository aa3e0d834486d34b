package ai.mnemo.eval.service;

import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.config.Precision;
import ai.mnemo.lm.engine.EngineDtypes;

/**
 * The dtype an EvalJob's checkpoint is loaded and run in: the compute dtype of the stage's training precision, so
 * that evaluation sees the numbers training saw. A dtype the engine cannot hold fails the job with the engine's
 * reason instead of aborting the process.
 */
final class EvalPrecision {

    private EvalPrecision() {}

    /** @throws InvalidEvalJobException naming {@code precision} when it is unknown or cannot run here */
    static DataType computeDtype(String precision) {
        try {
            return EngineDtypes.supportedCompute(Precision.parse(precision));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new InvalidEvalJobException("precision " + precision + ": " + e.getMessage(), e);
        }
    }
}
