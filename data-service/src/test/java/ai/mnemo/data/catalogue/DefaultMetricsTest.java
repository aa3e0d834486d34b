package ai.mnemo.data.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.spec.SpecVocabulary;
import org.junit.jupiter.api.Test;

class DefaultMetricsTest {

    @Test
    void factoidSetsUseExactMatch() {
        for (String dataset : new String[] {"kvr", "popqa", "triviaqa", "lama", "entityquestions"}) {
            assertEquals("exact-match", DefaultMetrics.of(dataset, "qa"), dataset);
        }
    }

    @Test
    void webqaGsm8kAndMultipleChoiceHaveTheirOwn() {
        assertEquals("substring", DefaultMetrics.of("webqa", "qa"));
        assertEquals("last-number", DefaultMetrics.of("gsm8k", "qa"));
        assertEquals("choice-letter", DefaultMetrics.of("popqa", "multiple-choice"));
        assertEquals("choice-letter", DefaultMetrics.of("webqa", "multiple-choice"), "the format wins");
    }

    @Test
    void everyDatasetGetsAMetricTheEvaluatorKnows() {
        for (String dataset : SpecVocabulary.DATASETS) {
            for (String format : SpecVocabulary.FORMATS) {
                String metric = DefaultMetrics.of(dataset, format);
                assertEquals(true, SpecVocabulary.METRICS.contains(metric), dataset + "/" + format + " -> " + metric);
            }
        }
        assertEquals("exact-match", DefaultMetrics.of("ultrachat", "qa"));
    }
}
