package ai.mnemo.data.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.run.RunMachine;
import ai.mnemo.events.v1.EvalResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateAndFieldsTest {

    private static EvalResult result(int stage, int count, int correct) {
        return new EvalResult(stage, "kvr:A", "exact-match", count, correct, (double) correct / count, 0.5, "file:/p");
    }

    @Test
    void theMemorizedGateOpensOnlyAtOneHundredPercentOnTheStagesOwnFacts() {
        assertEquals(Optional.empty(), RunMachine.gateRefusal(1, List.of(result(0, 10, 3), result(1, 10, 10))));

        String refusal = RunMachine.gateRefusal(0, List.of(result(0, 10, 5))).orElseThrow();
        assertEquals("stage 0 reached 50% exact match on its own facts; the memorized gate needs 100%: train longer"
                + " (stopping.epochs) or raise the learning rate", refusal);
        assertTrue(RunMachine.gateRefusal(1, List.of(result(0, 10, 10), result(1, 3, 2))).orElseThrow()
                .contains("reached 66.6% exact match"), "rounded down, never up to 100");
        assertTrue(RunMachine.gateRefusal(1, List.of(result(0, 10, 10))).orElseThrow().contains("no result"));
    }

    @Test
    void decodingPathsBecomeSpecFields() {
        assertEquals("stages[0].dataset.size", ExperimentIntake.specField("$.spec.stages[0].dataset.size"));
        assertEquals("spec", ExperimentIntake.specField("$.spec"));
        assertEquals("$.experimentId", ExperimentIntake.specField("$.experimentId"));
        assertEquals("$", ExperimentIntake.specField("$"));
    }

    @Test
    void aPeekReadsTheTypeAndIdOfABrokenPayload() {
        PayloadPeek peek = PayloadPeek.of("{\"type\":\"ExperimentRequested\",\"experimentId\":\"e-1\",\"spec\":3}");
        assertEquals(new PayloadPeek("ExperimentRequested", "e-1"), peek);
        assertEquals(new PayloadPeek(null, null), PayloadPeek.of("not json {"));
        assertEquals(new PayloadPeek(null, null), PayloadPeek.of("[1, 2]"));
        assertTrue(PayloadPeek.of("{\"type\":\"ExperimentPlanned\"}").isOtherExperimentEvent());
    }
}
