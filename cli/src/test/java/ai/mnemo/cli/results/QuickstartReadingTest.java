package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class QuickstartReadingTest {

    private static JsonNode json(String text) throws Exception {
        return EventCodec.json().readTree(text);
    }

    @Test
    void eachMethodsRetentionIsReadExactlyAndByTokenAndTheStudyIsNamed() throws Exception {
        String reading = QuickstartReading.of(json("""
                {"methods": [
                  {"label": "naive", "retention": {"mean": 0.171875}, "retentionTokenAccuracy": {"mean": 0.783}},
                  {"label": "remix(random-words x2)", "retention": {"mean": 0.25},
                   "retentionTokenAccuracy": {"mean": 0.81}}]}
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
                  {"label": "naive", "retention": {"mean": 0.5}, "retentionTokenAccuracy": {"mean": 0.9}},
                  {"label": "remix(random-words x2)", "retention": {"mean": null}}]}
                """));
        assertTrue(reading.contains("(remix(random-words x2) did not finish)"), reading);
        assertFalse(reading.contains("remix(random-words x2) kept"), reading);
    }

    @Test
    void nothingFinishedSaysSo() throws Exception {
        String reading = QuickstartReading.of(json("""
                {"methods": [{"label": "naive", "retention": {}}]}
                """));
        assertTrue(reading.contains("nothing was measured"), reading);
        assertTrue(reading.contains(QuickstartReading.STUDY), reading);
    }
}
