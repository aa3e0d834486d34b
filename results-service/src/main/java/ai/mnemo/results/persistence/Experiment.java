package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One experiment, keyed by the id its requester chose. A row may exist before its ExperimentRequested has been
 * read (a run's event arrived first on another topic): such a placeholder has no spec yet.
 */
@Entity
@Table(name = "experiments")
public class Experiment extends PanacheEntityBase {

    @Id
    public String id;

    /** Optimistic lock: two consumers updating the same row at once make the later commit retry, not overwrite. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExperimentStatus status;

    /** The spec as submitted, JSON. */
    @Column(name = "spec_json")
    public String specJson;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** When requested; the earliest event time seen for the experiment, which is the request once it is read. */
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** How many runs the grid expanded into (ExperimentPlanned); null until planned. */
    @Column(name = "planned_runs")
    public Integer plannedRuns;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "rejection_field")
    public String rejectionField;

    /** When the cancellation was asked for (ExperimentCancelled); null unless cancelled. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    /** A new row known only by its id, first seen at {@code seenAt}. */
    public static Experiment placeholder(String id, Instant seenAt) {
        Experiment experiment = new Experiment();
        experiment.id = id;
        experiment.status = ExperimentStatus.REQUESTED;
        experiment.submittedAt = seenAt;
        return experiment;
    }

    /** Keeps the earliest event time, so the order events are read in does not matter. */
    public void seenAt(Instant at) {
        if (at.isBefore(submittedAt)) {
            submittedAt = at;
        }
    }

    public void advance(ExperimentStatus next) {
        status = status.advance(next);
    }
}
