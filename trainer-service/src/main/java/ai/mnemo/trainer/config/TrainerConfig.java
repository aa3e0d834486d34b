package ai.mnemo.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a trainer instance runs its jobs. Everything that decides what a stage learns comes with the job
 * ({@code TrainingSettings}); these keys only tune the worker: threads, how chatty it is, how often it saves.
 */
@ConfigMapping(prefix = "mnemo.trainer")
public interface TrainerConfig {

    /** Intra-op threads of libtorch; 0 keeps libtorch's default (one per core). */
    @WithDefault("0")
    int threads();

    /** Send a TrainingProgress every this many optimizer steps, and at epoch ends. */
    @WithDefault("10")
    int progressEverySteps();

    /**
     * But no sooner than this after the last one: a small model's steps and epochs take milliseconds, and every
     * event is a database write in results-service and a state write in data-service.
     */
    @WithDefault("1s")
    Duration progressMinInterval();

    /**
     * Save a resumable checkpoint every this many epochs (0: none at epoch ends); the end always saves, and saves
     * within the stage follow the loop's cadence (every tenth of the planned steps, or five minutes).
     */
    @WithDefault("0")
    int checkpointEveryEpochs();

    /** Rows per batch of the memorization probe (teacher forcing and greedy generation). */
    @WithDefault("128")
    int probeBatchSize();

    /**
     * On shutdown, how long to wait for the running job to stop after its current step and write its resumable
     * checkpoint.
     */
    @WithDefault("120s")
    Duration shutdownWait();
}
