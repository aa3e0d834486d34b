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

    /** Send a TrainingProgress every this many optimizer steps (epoch ends always send one). */
    @WithDefault("10")
    int progressEverySteps();

    /** Save a resumable checkpoint every this many epochs (0: only at the end); the end always saves. */
    @WithDefault("1")
    int checkpointEveryEpochs();

    /** Rows per batch of the memorization probe (teacher forcing and greedy generation). */
    @WithDefault("32")
    int probeBatchSize();

    /**
     * On shutdown, how long to wait for the running job to stop after its current step and write its resumable
     * checkpoint.
     */
    @WithDefault("120s")
    Duration shutdownWait();
}
