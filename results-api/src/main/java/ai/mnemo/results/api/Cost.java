package ai.mnemo.results.api;

import ai.mnemo.events.v1.DeviceCost;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a set of jobs (a run's stages and evaluations, a method's runs, an experiment) cost in device-seconds.
 * GPU- and CPU-seconds stay apart: they are not the same money.
 *
 * @param jobs trainings and evaluations with a cost
 * @param unpriced trainings and evaluations that ran but carry no cost (an older trainer or evaluator, or a stage
 *     announced again from its checkpoint): the sums leave them out
 * @param hardware the model names the priced jobs ran on, sorted
 */
public record Cost(double gpuSeconds, double cpuSeconds, int jobs, int unpriced, List<String> hardware) {

    public static final Cost NONE = new Cost(0, 0, 0, 0, List.of());

    public Cost {
        hardware = List.copyOf(hardware);
    }

    /** The jobs of a run's stages: each stage's training (once trained) and evaluation (once evaluated). */
    public static Cost ofStages(List<StageLineage> stages) {
        Cost total = NONE;
        for (StageLineage stage : stages) {
            boolean trained = stage.training() != null && stage.training().steps() != null;
            boolean evaluated = !stage.evaluations().isEmpty();
            total = total.plus(job(trained, stage.trainingCost())).plus(job(evaluated, stage.evaluationCost()));
        }
        return total;
    }

    public static Cost sum(List<Cost> costs) {
        return costs.stream().reduce(NONE, Cost::plus);
    }

    public Cost plus(Cost other) {
        TreeSet<String> names = new TreeSet<>(hardware);
        names.addAll(other.hardware);
        return new Cost(gpuSeconds + other.gpuSeconds, cpuSeconds + other.cpuSeconds, jobs + other.jobs,
                unpriced + other.unpriced, new ArrayList<>(names));
    }

    private static Cost job(boolean ran, DeviceCost cost) {
        if (cost == null) {
            return ran ? new Cost(0, 0, 0, 1, List.of()) : NONE;
        }
        boolean gpu = DeviceCost.GPU.equals(cost.device());
        return new Cost(gpu ? cost.deviceSeconds() : 0, gpu ? 0 : cost.deviceSeconds(), 1, 0,
                List.of(cost.hardware()));
    }
}
