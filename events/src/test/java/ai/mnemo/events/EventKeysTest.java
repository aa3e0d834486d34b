package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.events.v1.RunScoped;
import ai.mnemo.events.v1.TrainingJob;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One run's events must share a key, so they land on one partition and are read in order. */
class EventKeysTest {

    /** The events the catalogue lists without a runId. */
    private static final Set<String> EXPERIMENT_KEYED = Set.of("ExperimentRequested", "ExperimentPlanned",
            "ExperimentRejected", "ExperimentCancelled", "ProbeJob", "ProbeCompleted", "EvalFailed");

    static Stream<MnemoEvent> fixtures() {
        return EventFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theKeyIsTheRunIdWhenThereIsOneElseTheExperimentId(MnemoEvent event) {
        String expected = EXPERIMENT_KEYED.contains(event.getClass().getSimpleName())
                ? EventFixtures.EXPERIMENT
                : EventFixtures.RUN;

        assertEquals(expected, event.key());
    }

    @Test
    void commandsAreKeyedLikeTheRunOrExperimentTheyBelongTo() {
        TrainingJob job = TrainingJob.of("exp", "run-1", 0, 1, ModelRef.preset("tiny", 0), "file:/d", "file:/c",
                EventFixtures.settings());
        ProbeJob probe = ProbeJob.of("exp", "probe-1", ModelRef.preset("tiny", 0), "file:/c", 0, 16, "exact-match",
                "file:/o");

        assertEquals("run-1", job.key());
        assertEquals("exp", probe.key());
    }

    @Test
    void anEvalFailureKeysByRunWhenItHasOneElseByExperiment() {
        assertEquals("run-1", EvalFailed.ofRun("exp", "run-1", 0, "boom").key());
        assertEquals("exp", EvalFailed.ofProbe("exp", "probe-1", "boom").key());
        assertEquals("run-1", ((RunScoped) EvalFailed.ofRun("exp", "run-1", 0, "boom")).runId());
    }

    @Test
    void anUnreadableRequestHasNoKey() {
        assertNull(ExperimentRejected.of(null, "malformed document at line 1, column 1", null).key());
    }
}
