package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingJob;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopicsTest {

    /** The topics table of docs/events.md, written out independently of the code. */
    private static final Map<String, String> CATALOGUE = Map.ofEntries(
            Map.entry("ExperimentRequested", "mnemo.experiments.v1"),
            Map.entry("ExperimentPlanned", "mnemo.experiments.v1"),
            Map.entry("ExperimentRejected", "mnemo.experiments.v1"),
            Map.entry("ExperimentCancelled", "mnemo.experiments.v1"),
            Map.entry("RunPlanned", "mnemo.runs.v1"),
            Map.entry("RunCompleted", "mnemo.runs.v1"),
            Map.entry("RunFailed", "mnemo.runs.v1"),
            Map.entry("DatasetPrepared", "mnemo.datasets.v1"),
            Map.entry("DatasetFailed", "mnemo.datasets.v1"),
            Map.entry("TrainingJob", "mnemo.training.jobs.v1"),
            Map.entry("TrainingStarted", "mnemo.training.v1"),
            Map.entry("TrainingProgress", "mnemo.training.v1"),
            Map.entry("StageCompleted", "mnemo.training.v1"),
            Map.entry("TrainingFailed", "mnemo.training.v1"),
            Map.entry("EvalJob", "mnemo.eval.jobs.v1"),
            Map.entry("ProbeJob", "mnemo.eval.jobs.v1"),
            Map.entry("EvalCompleted", "mnemo.eval.v1"),
            Map.entry("ProbeCompleted", "mnemo.eval.v1"),
            Map.entry("EvalFailed", "mnemo.eval.v1"));

    static Stream<MnemoEvent> fixtures() {
        return EventFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyEventTypeMapsToItsCatalogueTopic(MnemoEvent event) {
        String topic = CATALOGUE.get(event.getClass().getSimpleName());

        assertEquals(topic, Topics.of(event));
        assertEquals(topic, Topics.of(event.getClass()));
        assertTrue(Topics.eventType(topic).isInstance(event));
    }

    @Test
    void thereAreSevenDistinctV1Topics() {
        assertEquals(7, Topics.ALL.size());
        assertEquals(7, new HashSet<>(Topics.ALL).size());
        assertTrue(Topics.ALL.stream().allMatch(topic -> topic.startsWith("mnemo.") && topic.endsWith(".v1")));
        assertEquals(new HashSet<>(CATALOGUE.values()), new HashSet<>(Topics.ALL));
    }

    @Test
    void aTopicsSealedTypeMapsBackToTheTopic() {
        for (String topic : Topics.ALL) {
            assertEquals(topic, Topics.of(Topics.eventType(topic)));
        }
        assertEquals(TrainingCommand.class, Topics.eventType(Topics.TRAINING_JOBS));
        assertEquals(Topics.TRAINING_JOBS, Topics.of(TrainingJob.class));
    }

    @Test
    void theCommonInterfaceAndUnknownTopicsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Topics.of(MnemoEvent.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Topics.eventType("mnemo.training.v2"));
        assertTrue(e.getMessage().contains("mnemo.training.v2"));
        assertEquals(List.copyOf(Topics.ALL), Topics.ALL);
    }
}
