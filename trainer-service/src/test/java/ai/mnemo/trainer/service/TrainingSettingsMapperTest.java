package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.lm.config.Precision;
import ai.mnemo.lm.train.TrainingOptions;
import org.junit.jupiter.api.Test;

class TrainingSettingsMapperTest {

    @Test
    void mapsEverySettingAndThePaperOptimizerConstants() {
        TrainingSettings settings = new TrainingSettings(3e-4, 16, 0.1, 0.01, 0.5, 42, 512,
                new StoppingRule(StoppingRule.FIXED_EPOCHS, 20, 0, 0));
        TrainingOptions options = TrainingSettingsMapper.options(settings, 3);

        assertEquals(3e-4, options.learningRate());
        assertEquals(16, options.batchSize());
        assertEquals(0.1, options.warmupRatio());
        assertEquals(0.01, options.weightDecay());
        assertEquals(0.5, options.maxGradNorm());
        assertEquals(0.9, options.beta1());
        assertEquals(0.95, options.beta2());
        assertEquals(1e-8, options.epsilon());
        assertEquals(42, options.seed());
        assertEquals(3, options.checkpointEveryEpochs());
        assertFalse(options.constantLearningRate());
        assertEquals(new ai.mnemo.lm.train.StoppingRule.FixedEpochs(20), options.stopping());
        assertEquals(Precision.FP32, options.precision(), "absent: fp32");
    }

    @Test
    void mapsThePrecisionAndFailsTheJobOnAnUnknownOne() {
        TrainingSettings mixed = new TrainingSettings(3e-4, 16, 0.1, 0.01, 0.5, 42, 512,
                new StoppingRule(StoppingRule.FIXED_EPOCHS, 20, 0, 0), null, null, null,
                TrainingSettings.PRECISION_MIXED_FP16);
        assertEquals(Precision.MIXED_FP16, TrainingSettingsMapper.options(mixed, 1).precision());
        assertEquals(Precision.BF16, TrainingSettingsMapper.precision(TrainingSettings.PRECISION_BF16));
        JobFailure failure = assertThrows(JobFailure.class, () -> TrainingSettingsMapper.precision("fp8"));
        assertTrue(failure.getMessage().contains("'fp8'"), failure.getMessage());
    }

    @Test
    void mapsEachStoppingRule() {
        assertEquals(new ai.mnemo.lm.train.StoppingRule.FixedEpochs(5),
                TrainingSettingsMapper.stopping(new StoppingRule("fixed-epochs", 5, 0, 0)));
        assertEquals(new ai.mnemo.lm.train.StoppingRule.LossThreshold(0.1, 7, 30),
                TrainingSettingsMapper.stopping(new StoppingRule("loss-threshold", 30, 0.1, 7)));
        assertEquals(new ai.mnemo.lm.train.StoppingRule.Memorized(150),
                TrainingSettingsMapper.stopping(new StoppingRule("memorized", 150, 0, 0)));
    }

    @Test
    void anUnknownRuleFailsTheJobNamingTheKnownOnes() {
        JobFailure failure = assertThrows(JobFailure.class,
                () -> TrainingSettingsMapper.stopping(new StoppingRule("until-bored", 5, 0, 0)));
        assertTrue(failure.getMessage().contains("'until-bored'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("fixed-epochs, loss-threshold, memorized"), failure.getMessage());
    }

    @Test
    void outOfRangeValuesFailTheJobWithTheValue() {
        JobFailure epochs = assertThrows(JobFailure.class,
                () -> TrainingSettingsMapper.stopping(new StoppingRule("memorized", 0, 0, 0)));
        assertTrue(epochs.getMessage().startsWith("invalid stopping rule memorized"), epochs.getMessage());

        TrainingSettings zeroRate = new TrainingSettings(0, 8, 0.05, 0, 1, 0, 256,
                new StoppingRule("fixed-epochs", 1, 0, 0));
        JobFailure rate = assertThrows(JobFailure.class, () -> TrainingSettingsMapper.options(zeroRate, 1));
        assertTrue(rate.getMessage().contains("invalid training settings: invalid training options: lr 0.0"),
                rate.getMessage());
    }
}
