package ai.mnemo.events.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * One experiment as a researcher wrote it: a base model, the stages trained in order, training and evaluation
 * settings, and the grid of methods, mix ratios and seeds that data-service expands into runs. Fields the doc
 * gives defaults for are null when not written; {@link #resolve()} fills them in.
 *
 * @param training defaults for every stage; a stage may override any key
 * @param evaluation optional; see {@link SpecDefaults#EVALUATION}
 */
public record ExperimentSpec(
        String name,
        ModelSpec model,
        List<StageSpec> stages,
        TrainingSpec training,
        EvaluationSpec evaluation,
        GridSpec grid) {

    public ExperimentSpec {
        stages = SpecLists.copy(stages);
    }

    /**
     * This spec with every default of the doc applied: each stage's training merged over the experiment's and the
     * defaults, dataset defaults filled, seeds defaulted. Two choices stay open because they need a dataset
     * catalogue that lives in data-service: {@code stopping.rule: auto} and a dataset's {@code metric} when
     * absent ("by dataset"). Call it on a spec that {@link SpecValidator} found valid.
     */
    public ExperimentSpec resolve() {
        EvaluationSpec evaluationResolved = SpecDefaults.or(evaluation, EvaluationSpec.EMPTY).resolve();
        TrainingSpec trainingResolved = TrainingSpec.resolve(null, training);
        List<StageSpec> stagesResolved = new ArrayList<>();
        for (StageSpec stage : stages) {
            stagesResolved.add(stage.resolve(training, evaluationResolved));
        }
        return new ExperimentSpec(name, model.resolve(), stagesResolved, trainingResolved, evaluationResolved,
                grid.resolve(stages.size()));
    }
}
