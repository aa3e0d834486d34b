package ai.mnemo.events.spec;

/**
 * One stage: the dataset it trains on, its overrides of the experiment's training block, and its gate.
 *
 * @param gate {@code none} (default) or {@code memorized}: start the next stage only after evaluation shows 100% on
 *        this stage's facts
 */
public record StageSpec(DatasetSpec dataset, TrainingSpec training, String gate) {

    /** This stage with its training merged over the experiment's block and every default applied. */
    public StageSpec resolve(TrainingSpec experimentTraining, EvaluationSpec evaluation) {
        return new StageSpec(dataset.resolve(evaluation), TrainingSpec.resolve(training, experimentTraining),
                SpecDefaults.or(gate, SpecDefaults.GATE));
    }
}
