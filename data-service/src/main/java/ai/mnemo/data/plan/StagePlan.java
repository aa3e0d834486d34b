package ai.mnemo.data.plan;

import ai.mnemo.events.spec.DatasetSpec;
import ai.mnemo.events.spec.MixingSpec;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.v1.TrainingSettings;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One stage of a run with nothing left to decide: the dataset (defaults and metric filled in), the training
 * settings the job will carry (the run's seed, the concrete stopping rule), the gate, and what the run's method mixes
 * into this stage.
 *
 * @param label how events name the dataset, e.g. {@code kvr:A}
 * @param mixing the method's mixing when this stage is one of {@code mixing.stages}, else null
 * @param replayFraction the share of D_A replayed into this stage (replay method, stages after 0), else null
 */
public record StagePlan(
        int index,
        String label,
        DatasetSpec dataset,
        TrainingSettings training,
        String gate,
        String metric,
        int maxNewTokens,
        MixingSpec mixing,
        Double replayFraction) {

    /** The next stage starts only once evaluation shows 100% on this stage's facts. */
    @JsonIgnore
    public boolean memorizedGate() {
        return SpecVocabulary.GATE_MEMORIZED.equals(gate);
    }
}
