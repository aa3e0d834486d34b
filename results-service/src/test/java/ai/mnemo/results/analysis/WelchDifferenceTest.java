package ai.mnemo.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.results.api.Difference;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WelchDifferenceTest {

    @Test
    void welchIntervalOfTwoSamplesOfThree() {
        // Equal variances (1) and sizes (3): se = sqrt(1/3 + 1/3), df = 4, t(0.975, 4) = 2.776445.
        Difference d = WelchDifference.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0));

        assertEquals(-3.0, d.mean(), 1e-12);
        assertEquals(4.0, d.degreesOfFreedom(), 1e-9);
        double halfWidth = 2.7764451052 * Math.sqrt(2.0 / 3.0);
        assertEquals(-3.0 - halfWidth, d.low(), 1e-6);
        assertEquals(-3.0 + halfWidth, d.high(), 1e-6);
    }

    @Test
    void unequalVariancesUseWelchSatterthwaite() {
        // var 0.005 / 2 and 0.02 / 2: df = 0.0125^2 / (0.0025^2 + 0.01^2) = 1.4706
        Difference d = WelchDifference.of(List.of(0.7, 0.5), List.of(0.2, 0.3));

        assertEquals(0.35, d.mean(), 1e-12);
        assertEquals(0.00015625 / 0.00010625, d.degreesOfFreedom(), 1e-9);
        assertEquals(2 * d.mean(), d.low() + d.high(), 1e-12, "symmetric around the difference");
    }

    @Test
    void oneSeedOnEitherSideGivesNoInterval() {
        assertNull(WelchDifference.of(List.of(0.5), List.of(0.1, 0.2)));
        assertNull(WelchDifference.of(Arrays.asList(0.5, null), List.of(0.1, 0.2)), "a missing cell is not a seed");
    }

    @Test
    void noSpreadAtAllIsAPointInterval() {
        Difference d = WelchDifference.of(List.of(1.0, 1.0), List.of(0.0, 0.0));
        assertEquals(1.0, d.low());
        assertEquals(1.0, d.high());
        assertNull(d.degreesOfFreedom());
    }
}
