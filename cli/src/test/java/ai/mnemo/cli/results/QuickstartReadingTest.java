package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.results.api.ComparisonReport;
import org.junit.jupiter.api.Test;

class QuickstartReadingTest {

    private static ComparisonReport json(String text) {
        return Contract.comparison(text);
    }

    @Test
    void eachMethodsRetentionIsReadExactlyAndByTokenAndTheStudyIsNamed() throws Exception {
        String reading = QuickstartReading.of(json("""
                {"methods": [
                  {"n": 1, "failed": 0, "pending": 0, "label": "naive", "retention": {"n": 1, "mean": 0.171875}, "retentionTokenAccuracy": {"n": 1, "mean": 0.783}},
                  {"n": 1, "failed": 0, "pending": 0, "label": "remix(random-words x2)", "retention": {"n": 1, "mean": 0.25},
                   "retentionTokenAccuracy": {"n": 1, "mean": 0.81}}]}
                """));
        assertTrue(reading.contains("naive kept 17% of D_A's facts word for word (78% of their answer tokens)"),
                reading);
        assertTrue(reading.contains("remix(random-words x2) kept 25%"), reading);
        assertTrue(reading.contains("not which method wins"), reading);
        assertTrue(reading.contains(QuickstartReading.STUDY), reading);
    }

    @Test
    void aMethodWithoutAFinishedRunIsNamedNotCountedAsZero() throws Exception {
        String reading = QuickstartReading.of(json("""
                {"methods": [
                  {"n": 1, "failed": 0, "pending": 0, "label": "naive", "retention": {"n": 1, "mean": 0.5}, "retentionTokenAccuracy": {"n": 1, "mean": 0.9}},
                  {"n": 1, "failed": 0, "pending": 0, "label": "remix(random-words x2)", "retention": {"n": 1, "mean": null}}]}
                """));
        assertTrue(reading.contains("(remix(random-words x2) did not finish)"), reading);
        assertFalse(reading.contains("remix(random-words x2) kept"), reading);
    }

    @Test
    void nothingFinishedSaysSo() throws Exception {
        String reading = QuickstartReading.of(json("""
                {"methods": [{"n": 1, "failed": 0, "pending": 0, "label": "naive", "retention": {"n": 0}}]}
                """));
        assertTrue(reading.contains("nothing was measured"), reading);
        assertTrue(reading.contains(QuickstartReading.STUDY), reading);
    }
}
