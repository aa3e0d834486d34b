package ai.mnemo.results.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** What every row that belongs to one stage of a run has: a surrogate id, its optimistic lock, run and stage. */
@MappedSuperclass
public abstract class StageRow extends PanacheEntityBase {

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

    /** 0-based: stage 0 learns D_A. For an evaluation, the stage whose checkpoint was evaluated. */
    @Column(name = "stage_index", nullable = false)
    public int stageIndex;
}
