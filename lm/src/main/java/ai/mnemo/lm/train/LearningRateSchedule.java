package ai.mnemo.lm.train;

/**
 * Linear warmup then cosine decay to zero, as Hugging Face's {@code get_cosine_schedule_with_warmup}: warmup
 * covers {@code ceil(ratio * planned)} steps starting from 0, and optimizer step s uses {@code peak * factor(s)}.
 */
public record LearningRateSchedule(double peak, long plannedSteps, long warmupSteps) {

    public static LearningRateSchedule cosine(double peak, long plannedSteps, double warmupRatio) {
        return new LearningRateSchedule(peak, plannedSteps, (long) Math.ceil(plannedSteps * warmupRatio));
    }

    /** A flat learning rate (benchmarks compare throughput, not schedules). */
    public static LearningRateSchedule constant(double peak) {
        return new LearningRateSchedule(peak, 0, 0);
    }

    public double at(long step) {
        if (plannedSteps == 0) {
            return peak;
        }
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        // Clamped at 1: a run past its planned steps stays at 0 instead of climbing back up the cosine.
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, plannedSteps - warmupSteps));
        return peak * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
    }
}
