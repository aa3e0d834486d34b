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

/**
 * The score of the checkpoint of stage {@code stageIndex} on the dataset of stage {@code datasetStageIndex}: one
 * cell of the run's retention matrix. Natural key (run, stageIndex, datasetStageIndex). An EvalJob creates the row
 * with its dataset and metric; the scores stay null until EvalCompleted.
 */
@Entity
@Table(name = "evaluations")
public class Evaluation extends PanacheEntityBase {

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

    /** The stage whose checkpoint was evaluated. */
    @Column(name = "stage_index", nullable = false)
    public int stageIndex;

    /** The stage whose dataset was evaluated (0..stageIndex). */
    @Column(name = "dataset_stage_index", nullable = false)
    public int datasetStageIndex;

    public String dataset;
    public String metric;

    /** Rows evaluated; {@code correct} of them by {@code metric}; accuracy = correct / count (0..1). */
    @Column(name = "sample_count")
    public Integer count;
    public Integer correct;
    public Double accuracy;

    /** Mean ROUGE-L F1 (0..1). */
    @Column(name = "rouge_l")
    public Double rougeL;

    @Column(name = "predictions_uri")
    public String predictionsUri;

    public static Evaluation placeholder(Run run, int stageIndex, int datasetStageIndex) {
        Evaluation evaluation = new Evaluation();
        evaluation.run = run;
        evaluation.stageIndex = stageIndex;
        evaluation.datasetStageIndex = datasetStageIndex;
        return evaluation;
    }

    public static Optional<Evaluation> byKey(Run run, int stageIndex, int datasetStageIndex) {
        return find("run = ?1 and stageIndex = ?2 and datasetStageIndex = ?3", run, stageIndex, datasetStageIndex)
                .firstResultOptional();
    }

    public static List<Evaluation> ofRuns(List<String> runIds) {
        return list("run.id in ?1 order by run.id, stageIndex, datasetStageIndex", runIds);
    }
}
