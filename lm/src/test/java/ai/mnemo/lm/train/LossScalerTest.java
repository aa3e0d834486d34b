package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The fp16 loss scaler: skip and halve on overflow, double after N good steps, divergence below a scale of 1. */
class LossScalerTest {

    @Test
    void startsAtTwoToTheSixteenthAndHalvesOnEachOverflow() {
        LossScaler scaler = LossScaler.dynamic(null);
        assertEquals(65536.0, scaler.scale());
        assertEquals(LossScaler.Outcome.SKIP, scaler.update(false));
        assertEquals(32768.0, scaler.scale());
        assertEquals(LossScaler.Outcome.SKIP, scaler.update(false));
        assertEquals(16384.0, scaler.scale());
    }

    @Test
    void doublesAfterTheGrowthIntervalOfGoodStepsAndAnOverflowRestartsTheCount() {
        LossScaler scaler = LossScaler.dynamic(null, 3);
        assertEquals(LossScaler.Outcome.APPLY, scaler.update(true));
        assertEquals(LossScaler.Outcome.APPLY, scaler.update(true));
        scaler.update(false); // 32768, count restarts
        scaler.update(true);
        scaler.update(true);
        assertEquals(32768.0, scaler.scale());
        scaler.update(true);
        assertEquals(65536.0, scaler.scale());
        assertEquals(new LossScaler.State(65536.0, 0), scaler.state());
    }

    @Test
    void anOverflowThatNoScaleAvoidsIsDivergence() {
        LossScaler scaler = LossScaler.dynamic(new LossScaler.State(1.5, 0));
        assertEquals(LossScaler.Outcome.DIVERGED, scaler.update(false));
    }

    @Test
    void resumesFromItsSavedState() {
        LossScaler scaler = LossScaler.dynamic(new LossScaler.State(512.0, 1999));
        scaler.update(true);
        assertEquals(1024.0, scaler.scale());
    }

    @Test
    void disabledItNeverScalesAndANonFiniteGradientIsDivergence() {
        LossScaler scaler = LossScaler.disabled();
        assertEquals(1.0, scaler.scale());
        assertEquals(LossScaler.Outcome.APPLY, scaler.update(true));
        assertEquals(1.0, scaler.scale());
        assertEquals(LossScaler.Outcome.DIVERGED, scaler.update(false));
        assertNull(scaler.state());
    }
}
