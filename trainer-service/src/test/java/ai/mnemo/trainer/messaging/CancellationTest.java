package ai.mnemo.trainer.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import ai.mnemo.trainer.TestJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Over the real broker: a cancellation stops the experiment's running job at its next step, its queued job is
 * skipped, nothing is published for either, and the trainer takes the next experiment's job.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CancellationTest {

    private static final Duration START = Duration.ofSeconds(120);
    /** What issue 9 promises from the cancel to the freed trainer. */
    private static final Duration PROMISE = Duration.ofSeconds(30);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @Test
    void aCancelledExperimentsJobStopsItsQueuedJobIsSkippedAndTheNextJobRuns() {
        String running = "run-" + UUID.randomUUID();
        String queued = "run-" + UUID.randomUUID();
        String next = "run-" + UUID.randomUUID();
        // Thousands of steps: far longer than the test waits.
        TrainingJob longJob = TestJobs.job(store, running, 0, store.uri(TestJobs.writeKvr(store, running, 0, 8, 11)),
                TestJobs.settings(TestJobs.fixedEpochs(5000), 3e-3, 4));
        String experiment = longJob.experimentId();
        TrainingJob sameExperiment = TrainingJob.of(experiment, queued, 0, 1, ModelRef.preset("tiny", 0),
                store.uri(TestJobs.writeKvr(store, queued, 0, 8, 12)), TestJobs.checkpointUri(store, queued, 0),
                TestJobs.settings(TestJobs.fixedEpochs(1), 3e-3, 4));
        TrainingJob other = TestJobs.job(store, next, 0, store.uri(TestJobs.writeKvr(store, next, 0, 8, 13)),
                TestJobs.settings(TestJobs.fixedEpochs(1), 3e-3, 4));

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.TRAINING_JOBS, running, EventCodec.encode(longJob));
            assertFalse(events(client, running, TrainingStarted.class, START).isEmpty(), "the long job started");

            long cancelledAt = System.nanoTime();
            ExperimentCancelled cancel = ExperimentCancelled.of(experiment, "test");
            client.publish(Topics.EXPERIMENTS, cancel.key(), EventCodec.encode(cancel));
            client.publish(Topics.TRAINING_JOBS, queued, EventCodec.encode(sameExperiment));
            client.publish(Topics.TRAINING_JOBS, next, EventCodec.encode(other));

            assertFalse(events(client, next, TrainingStarted.class, START).isEmpty(), "the next job started");
            Duration freed = Duration.ofNanos(System.nanoTime() - cancelledAt);
            assertTrue(freed.compareTo(PROMISE) < 0, "the trainer took the next job after " + freed);
            assertFalse(events(client, next, StageCompleted.class, START).isEmpty());

            List<String> runningOutcomes = client.poll(Topics.TRAINING,
                    v -> v.contains(running) && (v.contains("StageCompleted") || v.contains("TrainingFailed")),
                    Duration.ofSeconds(2));
            assertEquals(List.of(), runningOutcomes, "nothing is published for a stopped job");
            assertEquals(List.of(), events(client, queued, TrainingEvent.class, Duration.ofSeconds(1)),
                    "the queued job of the cancelled experiment never started");
            Path checkpoint = store.path(longJob.checkpointUri());
            assertTrue(TrainingCheckpoint.exists(checkpoint), "the stopped job left a resumable checkpoint");
            assertFalse(TrainingCheckpoint.state(checkpoint).finished());
        }
    }

    private static <T extends TrainingEvent> List<String> events(KafkaTestClient client, String runId, Class<T> type,
            Duration timeout) {
        return client.poll(Topics.TRAINING, v -> {
            TrainingEvent event = EventCodec.decode(v, TrainingEvent.class);
            return runId.equals(event.runId()) && type.isInstance(event);
        }, timeout);
    }
}
