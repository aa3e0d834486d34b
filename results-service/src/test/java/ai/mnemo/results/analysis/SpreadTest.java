package ai.mnemo.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.results.api.Spread;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void meanAndSampleStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32 / 7.
        Spread spread = Spread.of(List.of(2, 4, 4, 4, 5, 5, 7, 9));
        assertEquals(8, spread.n());
        assertEquals(5.0, spread.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), spread.std(), 1e-12);
    }

    @Test
    void twoSeeds() {
        Spread spread = Spread.of(List.of(0.2, 0.3));
        assertEquals(0.25, spread.mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), spread.std(), 1e-12); // (0.05² + 0.05²) / (2 - 1)
    }

    @Test
    void oneSeedHasNoSpreadAndNoneHasNoMean() {
        Spread one = Spread.of(List.of(0.4));
        assertEquals(1, one.n());
        assertEquals(0.4, one.mean(), 0);
        assertNull(one.std());
        Spread none = Spread.of(List.of());
        assertEquals(0, none.n());
        assertNull(none.mean());
        assertNull(none.std());
    }

    @Test
    void missingValuesAreLeftOut() {
        Spread spread = Spread.of(Arrays.asList(1.0, null, 3.0));
        assertEquals(2, spread.n());
        assertEquals(2.0, spread.mean(), 0);
        assertEquals(Math.sqrt(2), spread.std(), 1e-12);
    }
}
