package ai.mnemo.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.spec.ExperimentSpec;
import org.junit.jupiter.api.Test;

class QuickstartSpecTest {

    @Test
    void theShippedSpecIsValidAndTakesTheOptions() {
        ExperimentSpec spec = QuickstartSpec.build(17, 3);
        assertEquals(17, spec.stages().get(0).dataset().size());
        assertEquals("B", spec.stages().get(1).dataset().split());
        assertEquals(3L, spec.grid().seeds().get(0));
        assertEquals(2, spec.grid().methods().size());
    }

    @Test
    void stageOneTrainsAtATenthOfStageZerosRateAndRemixMixesStageZeroOnly() {
        ExperimentSpec spec = QuickstartSpec.build(64, 0);
        assertEquals(spec.training().learningRate() / 10, spec.stages().get(1).training().learningRate(), 1e-12);
        assertEquals(java.util.List.of(0), spec.grid().methods().get(1).mixing().stages());
    }
}
