package ai.mnemo.lm.train;

/**
 * Dynamic loss scaling for fp16 training, with {@code torch.cuda.amp.GradScaler}'s defaults: the loss is multiplied
 * by the scale before the backward pass so small gradients do not flush to zero in fp16; a step whose gradients
 * overflow is skipped and the scale halved; after {@code growthInterval} good steps in a row the scale doubles.
 * Below a scale of 1 the overflow is not a range problem but divergence, and the trainer stops as such.
 */
public final class LossScaler {

    public static final double INITIAL_SCALE = 65536.0;
    public static final int GROWTH_INTERVAL = 2000;
    private static final double GROWTH = 2.0;
    private static final double BACKOFF = 0.5;

    private final boolean enabled;
    private final int growthInterval;
    private double scale;
    private int goodSteps;

    private LossScaler(boolean enabled, double scale, int goodSteps, int growthInterval) {
        this.enabled = enabled;
        this.scale = scale;
        this.goodSteps = goodSteps;
        this.growthInterval = growthInterval;
    }

    /** No scaling: the scale stays 1 and a non-finite gradient is divergence. */
    public static LossScaler disabled() {
        return new LossScaler(false, 1.0, 0, GROWTH_INTERVAL);
    }

    /** Scaling from the defaults, or from a checkpoint's saved state (null: the defaults). */
    public static LossScaler dynamic(State saved) {
        return dynamic(saved, GROWTH_INTERVAL);
    }

    static LossScaler dynamic(State saved, int growthInterval) {
        return saved == null ? new LossScaler(true, INITIAL_SCALE, 0, growthInterval)
                : new LossScaler(true, saved.scale(), saved.goodSteps(), growthInterval);
    }

    public boolean enabled() {
        return enabled;
    }

    /** What the loss is multiplied by before the backward pass (and the gradients divided by after it). */
    public double scale() {
        return scale;
    }

    /** What a step's gradients said, and so what the trainer does with the step. */
    public enum Outcome { APPLY, SKIP, DIVERGED }

    /** Records one step's gradients (finite or not) and moves the scale. */
    public Outcome update(boolean finiteGradients) {
        if (finiteGradients) {
            if (enabled && ++goodSteps >= growthInterval) {
                scale *= GROWTH;
                goodSteps = 0;
            }
            return Outcome.APPLY;
        }
        if (!enabled || scale * BACKOFF < 1.0) {
            return Outcome.DIVERGED;
        }
        scale *= BACKOFF;
        goodSteps = 0;
        return Outcome.SKIP;
    }

    /** The state a checkpoint keeps, or null when scaling is off. */
    public State state() {
        return enabled ? new State(scale, goodSteps) : null;
    }

    /** @param goodSteps finite steps since the scale last changed */
    public record State(double scale, int goodSteps) {}
}
