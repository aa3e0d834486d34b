package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;

/** One point of a stage's loss curve, from TrainingProgress; natural key (run, stageIndex, step). */
@Entity
@Table(name = "loss_points")
public class LossPoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Optimistic lock: two consumers updating the same row at once make the later commit retry, not overwrite. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    public Run run;

    @Column(name = "stage_index", nullable = false)
    public int stageIndex;

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
