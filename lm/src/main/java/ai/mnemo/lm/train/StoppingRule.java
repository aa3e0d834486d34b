package ai.mnemo.lm.train;

/** When a training stage ends (PAPER.md, "Stopping"). Every rule has an epoch cap. */
public sealed interface StoppingRule {

    int maxEpochs();

    /** Train exactly this many epochs (KVR: 20; GSM8K as stage-1 data: 10). */
    record FixedEpochs(int epochs) implements StoppingRule {
        public FixedEpochs {
            requirePositive(epochs);
        }

        @Override
        public int maxEpochs() {
            return epochs;
        }
    }

    /**
     * Stop once the step loss has been below {@code threshold} on {@code steps} steps, counted cumulatively (not
     * necessarily in a row); reaching the cap simply ends the stage.
     */
    record LossThreshold(double threshold, int steps, int maxEpochs) implements StoppingRule {
        public LossThreshold {
            requirePositive(steps);
            requirePositive(maxEpochs);
        }
    }

    /**
     * Stop at the end of the first epoch whose greedy exact match on the stage's facts is 100%; reaching the cap
     * first fails the stage.
     */
    record Memorized(int maxEpochs) implements StoppingRule {
        public Memorized {
            requirePositive(maxEpochs);
        }
    }

    private static void requirePositive(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("stopping rule values must be positive, was " + value);
        }
    }
}
