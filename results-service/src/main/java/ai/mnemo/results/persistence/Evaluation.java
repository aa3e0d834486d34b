package ai.mnemo.results.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The score of the checkpoint of stage {@code stageIndex} on the dataset of stage {@code datasetStageIndex}: one
 * cell of the run's retention matrix. Natural key (run, stageIndex, datasetStageIndex). An EvalJob creates the row
 * with its dataset and metric; the scores stay null until EvalCompleted.
 */
@Entity
@Table(name = "evaluations")
public class Evaluation extends StageRow {

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

    /** Teacher forcing: the mean over facts of the gold tokens' mean log-probability. */
    @Column(name = "mean_log_prob")
    public Double meanLogProb;

    /** Teacher forcing: the mean over facts of the share of gold tokens that are the argmax. */
    @Column(name = "token_accuracy")
    public Double tokenAccuracy;

    /** The logit lens by depth; empty when the evaluation did not report one. */
    @ElementCollection
    @CollectionTable(name = "lens_depths", joinColumns = @JoinColumn(name = "evaluation_id"))
    @OrderColumn(name = "depth")
    public List<LensDepth> lens = new ArrayList<>();

    /** Facts whose gold token is the lens's top-1 at no depth. */
    @Column(name = "never_top1")
    public Integer neverTop1;

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
