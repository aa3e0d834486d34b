package ai.mnemo.lm.testing;

import ai.mnemo.lm.train.TrainingListener;

/** A listener that asks the trainer to stop once it has taken {@code steps} optimizer steps (a kill, in tests). */
public final class StopAfter implements TrainingListener {

    private final long steps;
    private long seen;

    private StopAfter(long steps) {
        this.steps = steps;
    }

    public static TrainingListener steps(long steps) {
        return new StopAfter(steps);
    }

    @Override
    public void onStep(StepReport report) {
        seen = report.step();
    }

    @Override
    public boolean stopRequested() {
        return seen >= steps;
    }
}
