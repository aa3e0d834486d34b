package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * One cell of an experiment's grid (a method, its mix ratio, a seed), keyed by the run id data-service derived.
 * Method, seed and label stay null until RunPlanned is read.
 */
@Entity
@Table(name = "runs")
public class Run extends PanacheEntityBase {

    @Id
    public String id;

    /** Optimistic lock: two consumers updating the same row at once make the later commit retry, not overwrite. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "experiment_id", nullable = false)
    public Experiment experiment;

    public String method;

    @Column(name = "mix_ratio")
    public Double mixRatio;

    public Long seed;

    public String label;

    /** Stages in the run's plan. */
    @Column(name = "stage_count")
    public Integer stageCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "failed_stage")
    public Integer failedStage;

    /** When RunCompleted or RunFailed was emitted. */
    @Column(name = "ended_at")
    public Instant endedAt;

    public static Run placeholder(String id, Experiment experiment) {
        Run run = new Run();
        run.id = id;
        run.experiment = experiment;
        run.status = RunStatus.PLANNED;
        return run;
    }

    public void advance(RunStatus next) {
        status = status.advance(next);
    }

    /** The runs of an experiment, in label order (run ids are derived, labels are for people). */
    public static List<Run> ofExperiment(String experimentId) {
        return list("experiment.id = ?1 order by label, id", experimentId);
    }
}
