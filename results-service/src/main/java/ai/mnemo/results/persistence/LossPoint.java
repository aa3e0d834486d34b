package ai.mnemo.results.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** One point of a stage's loss curve, from TrainingProgress; natural key (run, stageIndex, step). */
@Entity
@Table(name = "loss_points")
public class LossPoint extends StageRow {

    /** Optimizer steps done in the stage. */
    @Column(nullable = false)
    public long step;

    /** Counted from 1. */
    @Column(nullable = false)
    public int epoch;

    @Column(nullable = false)
    public double loss;

    @Column(name = "learning_rate", nullable = false)
    public double learningRate;

    /** Greedy exact match on the stage's facts (0..1), when the stopping rule measured it at this point. */
    @Column(name = "exact_match")
    public Double exactMatch;

    /** The method's penalty terms (KL, EWC) added to the loss, for methods that have them. */
    public Double penalty;

    public static LossPoint placeholder(Run run, int stageIndex, long step) {
        LossPoint point = new LossPoint();
        point.run = run;
        point.stageIndex = stageIndex;
        point.step = step;
        return point;
    }

    public static Optional<LossPoint> byKey(Run run, int stageIndex, long step) {
        return find("run = ?1 and stageIndex = ?2 and step = ?3", run, stageIndex, step).firstResultOptional();
    }

    /** The run's curve, by stage and step. */
    public static List<LossPoint> ofRun(String runId) {
        return list("run.id = ?1 order by stageIndex, step", runId);
    }
}
