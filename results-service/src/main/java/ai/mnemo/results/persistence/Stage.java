package ai.mnemo.results.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stage of one run, natural key (run, stageIndex): what it trained on (dataset, manifest), how (settings,
 * starting model), and what came out (training outcome, checkpoint). Filled in by DatasetPrepared, TrainingJob,
 * TrainingStarted, StageCompleted and the eval events, in whatever order they are read.
 */
@Entity
@Table(name = "stages")
public class Stage extends StageRow {

    /** e.g. {@code kvr:A}. */
    public String dataset;

    @Column(name = "dataset_uri")
    public String datasetUri;

    /** DatasetManifest, JSON. */
    @Column(name = "manifest_json")
    public String manifestJson;

    /** The TrainingJob's resolved TrainingSettings, JSON. */
    @Column(name = "settings_json")
    public String settingsJson;

    /** The model the stage started from (ModelRef), JSON. */
    @Column(name = "model_json")
    public String modelJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StageStatus status;

    /** The highest training attempt seen. */
    public Integer attempt;

    /** Optimizer steps and epochs done; final loss; why training stopped (StageCompleted). */
    public Long steps;
    public Integer epochs;
    @Column(name = "final_loss")
    public Double finalLoss;
    @Column(name = "stop_reason")
    public String stopReason;
    @Column(name = "train_seconds")
    public Double trainSeconds;
    @Column(name = "tokens_per_second")
    public Double tokensPerSecond;
    @Column(name = "eval_seconds")
    public Double evalSeconds;

    /** DeviceCost of the training (StageCompleted) and of the evaluation (EvalCompleted); null when not sent. */
    @Column(name = "train_device")
    public String trainDevice;
    @Column(name = "train_device_seconds")
    public Double trainDeviceSeconds;
    @Column(name = "train_wall_seconds")
    public Double trainWallSeconds;
    @Column(name = "train_devices")
    public Integer trainDevices;
    @Column(name = "train_hardware")
    public String trainHardware;
    @Column(name = "eval_device")
    public String evalDevice;
    @Column(name = "eval_device_seconds")
    public Double evalDeviceSeconds;
    @Column(name = "eval_wall_seconds")
    public Double evalWallSeconds;
    @Column(name = "eval_devices")
    public Integer evalDevices;
    @Column(name = "eval_hardware")
    public String evalHardware;

    /** Where the checkpoint is (planned by TrainingJob, confirmed by StageCompleted). */
    @Column(name = "checkpoint_uri")
    public String checkpointUri;

    @Column(name = "failure_reason")
    public String failureReason;

    /**
     * Progress of the latest training attempt: its TrainingStarted (planned steps, resumed-from step, when) and the
     * latest TrainingProgress read after it (step, epoch, loss, when). Null until a trainer started the stage.
     */
    @Column(name = "progress_attempt")
    public Integer progressAttempt;
    @Column(name = "planned_steps")
    public Long plannedSteps;
    @Column(name = "resumed_from_step")
    public Long resumedFromStep;
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;
    @Column(name = "progress_step")
    public Long progressStep;
    @Column(name = "progress_epoch")
    public Integer progressEpoch;
    @Column(name = "progress_loss")
    public Double progressLoss;
    @Column(name = "progress_at")
    public Instant progressAt;

    /** First TrainingStarted; first StageCompleted. */
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public static Stage placeholder(Run run, int stageIndex) {
        Stage stage = new Stage();
        stage.run = run;
        stage.stageIndex = stageIndex;
        stage.status = StageStatus.PENDING;
        return stage;
    }

    public void advance(StageStatus next) {
        status = status.advance(next);
    }

    /** Marks the stage failed; the first reason read is kept (a failure is final, later ones are echoes). */
    public void fail(String reason) {
        advance(StageStatus.FAILED);
        if (failureReason == null) {
            failureReason = reason;
        }
    }

    public static Optional<Stage> byKey(Run run, int stageIndex) {
        return find("run = ?1 and stageIndex = ?2", run, stageIndex).firstResultOptional();
    }

    /** Every stage of the given runs, by run and index. */
    public static List<Stage> ofRuns(List<String> runIds) {
        return list("run.id in ?1 order by run.id, stageIndex", runIds);
    }
}
