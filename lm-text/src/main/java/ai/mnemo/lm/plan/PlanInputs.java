package ai.mnemo.lm.plan;

import ai.mnemo.lm.config.Precision;
import java.util.List;

/**
 * What a run trains with, as far as memory goes. Build one with {@link #builder(int, int)}.
 *
 * @param microBatchSize rows per forward/backward pass (the batch size matters only through it)
 * @param sequenceLength tokens per row (the stage's longest row, or the spec's maxSequenceLength as a bound)
 * @param loraRank adapter rank, or 0 for full fine-tuning
 * @param loraTargets the adapted projections among q, k, v, o, gate, up, down (empty without LoRA)
 * @param klReference whether a frozen reference model runs beside (the KL method)
 * @param ewc whether an FP32 Fisher diagonal and an FP32 anchor copy are held (the EWC method)
 */
public record PlanInputs(
        Precision precision,
        int microBatchSize,
        int sequenceLength,
        int loraRank,
        List<String> loraTargets,
        boolean klReference,
        boolean ewc) {

    public static final List<String> ALL_TARGETS = List.of("q", "k", "v", "o", "gate", "up", "down");

    public PlanInputs {
        if (precision == null || microBatchSize < 1 || sequenceLength < 1 || loraRank < 0) {
            throw new IllegalArgumentException("invalid plan inputs: precision " + precision + ", micro-batch "
                    + microBatchSize + ", sequence " + sequenceLength + ", LoRA rank " + loraRank);
        }
        loraTargets = List.copyOf(loraTargets);
        if (!ALL_TARGETS.containsAll(loraTargets) || (loraRank > 0) == loraTargets.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs a rank and targets among " + ALL_TARGETS + " (rank "
                    + loraRank + ", targets " + loraTargets + ")");
        }
    }

    public boolean lora() {
        return loraRank > 0;
    }

    public static Builder builder(int microBatchSize, int sequenceLength) {
        return new Builder(microBatchSize, sequenceLength);
    }

    /** Full fine-tuning in FP32 unless told otherwise. */
    public static final class Builder {
        private final int microBatchSize;
        private final int sequenceLength;
        private Precision precision = Precision.FP32;
        private int loraRank;
        private List<String> loraTargets = List.of();
        private boolean klReference;
        private boolean ewc;

        private Builder(int microBatchSize, int sequenceLength) {
            this.microBatchSize = microBatchSize;
            this.sequenceLength = sequenceLength;
        }

        public Builder optPrecision(Precision value) {
            precision = value;
            return this;
        }

        public Builder optLora(int rank, List<String> targets) {
            loraRank = rank;
            loraTargets = targets;
            return this;
        }

        public Builder optKlReference() {
            klReference = true;
            return this;
        }

        public Builder optEwc() {
            ewc = true;
            return this;
        }

        public PlanInputs build() {
            return new PlanInputs(precision, microBatchSize, sequenceLength, loraRank, loraTargets, klReference, ewc);
        }
    }
}
