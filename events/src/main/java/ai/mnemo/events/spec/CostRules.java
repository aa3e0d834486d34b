package ai.mnemo.events.spec;

import java.util.List;

/**
 * What a valid spec would cost, against the operator's limits: the runs its grid expands into, and the optimizer
 * steps each stage may take at its epoch cap. Checked on the resolved spec, once every field is known to be valid.
 */
final class CostRules {

    private CostRules() {
    }

    static void check(Checks checks, ExperimentSpec spec) {
        SpecLimits limits = checks.limits();
        long runs = spec.grid().runCount();
        if (runs > limits.runs()) {
            checks.fail("grid", "expands into " + runs + " runs (methods and their grid values x learning rates x"
                    + " batch sizes x seeds); the operator's limit mnemo.limits.runs is " + limits.runs());
        }
        for (int i = 0; i < spec.stages().size(); i++) {
            steps(checks, spec, i, limits);
        }
    }

    /** Rows = facts x (1 + the largest mix ratio + the largest replay share) at the smallest batch of the grid. */
    private static void steps(Checks checks, ExperimentSpec spec, int i, SpecLimits limits) {
        StageSpec stage = spec.stages().get(i);
        GridSpec grid = spec.grid();
        double extra = 0;
        for (MethodSpec method : grid.methods()) {
            for (MethodSpec variant : grid.variants(method)) {
                MixingSpec mixing = variant.mixing() == null ? null : variant.mixing().forStage(i);
                double replay = variant.replay() != null && i > 0 ? variant.replay().fraction() : 0;
                extra = Math.max(extra, (mixing == null ? 0 : mixing.ratio()) + replay);
            }
        }
        List<Integer> batches = grid.batchSizes() != null ? grid.batchSizes() : List.of(stage.training().batchSize());
        int batch = batches.stream().mapToInt(Integer::intValue).min().orElse(1);
        long rows = (long) Math.ceil(stage.dataset().size() * (1 + extra));
        long perEpoch = (rows + batch - 1) / batch;
        int epochs = stage.training().stopping().epochs();
        long steps = perEpoch * epochs;
        if (steps > limits.stepsPerStage()) {
            checks.fail("stages[" + i + "].training.stopping.epochs", "lets the stage take up to " + steps
                    + " optimizer steps (" + rows + " rows / batch " + batch + " = " + perEpoch + " steps per epoch x "
                    + epochs + " epochs); the operator's limit mnemo.limits.steps-per-stage is "
                    + limits.stepsPerStage());
        }
    }
}
