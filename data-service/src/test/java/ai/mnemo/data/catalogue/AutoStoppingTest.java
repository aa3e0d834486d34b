package ai.mnemo.data.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.spec.StoppingSpec;
import ai.mnemo.events.v1.StoppingRule;
import org.junit.jupiter.api.Test;

class AutoStoppingTest {

    private static final StoppingSpec AUTO_DEFAULTS = new StoppingSpec("auto", 20, 1e-4, 10);

    @Test
    void kvrTrainsTwentyFixedEpochs() {
        assertEquals(new StoppingRule("fixed-epochs", 20, 1e-4, 10), AutoStopping.resolve("kvr", AUTO_DEFAULTS));
        assertEquals(20, AutoStopping.resolve("kvr", new StoppingSpec("auto", 7, 1e-4, 10)).epochs(),
                "the paper's count, not the cap");
    }

    @Test
    void gsm8kTrainsTenFixedEpochs() {
        assertEquals(new StoppingRule("fixed-epochs", 10, 1e-4, 10), AutoStopping.resolve("gsm8k", AUTO_DEFAULTS));
    }

    @Test
    void everyOtherDatasetStopsOnTheLossThresholdCappedAtTheEpochs() {
        for (String dataset : new String[] {"popqa", "triviaqa", "lama", "entityquestions", "webqa", "ultrachat",
                "evolcode", "apps", "math"}) {
            assertEquals(new StoppingRule("loss-threshold", 20, 1e-4, 10), AutoStopping.resolve(dataset, AUTO_DEFAULTS),
                    dataset);
        }
        assertEquals(new StoppingRule("loss-threshold", 5, 1e-3, 4),
                AutoStopping.resolve("popqa", new StoppingSpec("auto", 5, 1e-3, 4)));
    }

    @Test
    void aConcreteRuleIsKept() {
        assertEquals(new StoppingRule("memorized", 400, 1e-4, 10),
                AutoStopping.resolve("kvr", new StoppingSpec("memorized", 400, 1e-4, 10)));
        assertEquals(new StoppingRule("fixed-epochs", 3, 1e-4, 10),
                AutoStopping.resolve("popqa", new StoppingSpec("fixed-epochs", 3, 1e-4, 10)));
    }
}
