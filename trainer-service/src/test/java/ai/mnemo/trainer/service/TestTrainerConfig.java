package ai.mnemo.trainer.service;

import ai.mnemo.trainer.config.TrainerConfig;
import java.time.Duration;

/** Worker settings for tests that build a StageTrainer by hand. */
record TestTrainerConfig(int progressEverySteps, int checkpointEveryEpochs) implements TrainerConfig {

    @Override
    public int threads() {
        return 0;
    }

    @Override
    public Duration progressMinInterval() {
        return Duration.ZERO;
    }

    @Override
    public int probeBatchSize() {
        return 32;
    }

    @Override
    public Duration shutdownWait() {
        return Duration.ofSeconds(5);
    }
}
