package ai.mnemo.trainer.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import ai.mnemo.trainer.TestJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The service over a real broker: jobs go in on {@code mnemo.training.jobs.v1}, training events come out on
 * {@code mnemo.training.v1}, files live under the test's artifact root ({@code target/test-artifacts}).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TrainingJobsTest {

    private static final Duration TRAINING = Duration.ofSeconds(120);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @Test
    void trainsAStageThenAnnouncesItAgainWithoutRetrainingWhenTheJobIsRedelivered() throws Exception {
        String runId = "run-" + UUID.randomUUID();
        Path data = TestJobs.writeKvr(store, runId, 0, 8, 11);
        TrainingJob job = TestJobs.job(store, runId, 0, store.uri(data),
                TestJobs.settings(TestJobs.fixedEpochs(2), 3e-3, 4));
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(job));
            StageCompleted completed = first(client, runId, StageCompleted.class, TRAINING);

            TrainingStarted started = first(client, runId, TrainingStarted.class, Duration.ofSeconds(5));
            assertEquals(4, started.plannedSteps()); // 8 rows in batches of 4, 2 epochs
            assertEquals(0, started.resumedFromStep());
            assertTrue(started.worker().matches(".+:\\d+"), started.worker());
            List<TrainingProgress> progress = events(client, runId, TrainingProgress.class, 2, Duration.ofSeconds(5));
            assertEquals(List.of(1, 2), progress.stream().map(TrainingProgress::epoch).toList(), "epoch ends");
            assertEquals(4, completed.steps());
            assertEquals(2, completed.epochs());
            assertEquals("fixed-epochs", completed.stopReason());
            assertTrue(completed.finalLoss() > 0 && completed.finalLoss() < 10, "loss " + completed.finalLoss());

            Path checkpoint = store.path(completed.checkpointUri());
            assertTrue(TrainingCheckpoint.state(checkpoint).finished());
            try (NDManager manager = TorchRuntime.newManager();
                    HfCheckpoint.Loaded loaded = HfCheckpoint.load(checkpoint, manager)) {
                assertEquals(128, loaded.model().config().hiddenSize());
            }
            FileTime saved = Files.getLastModifiedTime(checkpoint.resolve(TrainingCheckpoint.STATE));

            // At-least-once delivery: the same job again must not train the stage twice.
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(job));
            StageCompleted again = events(client, runId, StageCompleted.class, 2, TRAINING).get(1);
            assertEquals(completed.steps(), again.steps());
            assertEquals(completed.epochs(), again.epochs());
            assertEquals(completed.finalLoss(), again.finalLoss());
            assertEquals(completed.checkpointUri(), again.checkpointUri());
            assertEquals(1, events(client, runId, TrainingStarted.class, 2, Duration.ofSeconds(2)).size(),
                    "the redelivered job started training again");
            assertEquals(saved, Files.getLastModifiedTime(checkpoint.resolve(TrainingCheckpoint.STATE)));
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("mnemo_training_tokens_per_second"), "tokens/s gauge");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mnemo_training_job_tokens_per_second")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0), "the job's tokens/s, after a job");
        assertTrue(metrics.contains("mnemo_training_loss"), "loss gauge");
        assertTrue(metrics.contains("mnemo_training_busy"), "busy gauge");
        assertTrue(metrics.contains("mnemo_training_stages_total{outcome=\"completed\"}"), "stage counter");
        assertTrue(metrics.contains("mnemo_training_stage_seconds_count"), "stage timer");
        assertFalse(metrics.contains("mnemo_training_step_seconds_count 0.0"), "steps were timed");
        assertTrue(metrics.contains("mnemo_device_info{cuda=\"none\",device=\"cpu\",name=\"cpu()\","
                + "service=\"trainer-service\"} 1.0"), "the device found at start (libtorch for CPUs here)");
        assertTrue(metrics.contains("mnemo_gpu_count{service=\"trainer-service\"} 0.0"), "GPU count");
    }

    @Test
    void badJobsFailNamingTheProblemAndTheNextJobStillTrains() {
        String runId = "run-" + UUID.randomUUID();
        String outside = Path.of(System.getProperty("java.io.tmpdir"), "not-artifacts", "dataset.jsonl").toUri()
                .toString();
        String missing = store.uri(store.run(runId).stage(1).dataset());
        Path data = TestJobs.writeKvr(store, runId, 2, 4, 12);
        TrainingSettings settings = TestJobs.settings(TestJobs.fixedEpochs(1), 3e-3, 4);
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            // One key, so one partition: the service sees them in this order.
            client.publish(Topics.TRAINING_JOBS, runId, "{\"type\":\"TrainingJob\",\"runId\":");
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(TestJobs.job(store, runId, 0, outside,
                    settings)));
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(TestJobs.job(store, runId, 1, missing,
                    settings)));
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(TestJobs.job(store, runId, 2,
                    store.uri(data), settings)));

            List<TrainingFailed> failed = events(client, runId, TrainingFailed.class, 2, TRAINING);
            assertEquals(2, failed.size(), "failures: " + failed);
            assertTrue(failed.stream().noneMatch(TrainingFailed::mayRetry), "a bad job fails the same way again");
            assertEquals(0, failed.get(0).stageIndex());
            assertTrue(failed.get(0).reason().contains("datasetUri " + outside), failed.get(0).reason());
            assertTrue(failed.get(0).reason().contains("outside the artifact root"), failed.get(0).reason());
            assertEquals(1, failed.get(1).stageIndex());
            assertTrue(failed.get(1).reason().contains(store.path(missing) + " does not exist"),
                    failed.get(1).reason());

            StageCompleted completed = first(client, runId, StageCompleted.class, TRAINING);
            assertEquals(2, completed.stageIndex());
            assertEquals(1, completed.steps());
        }
    }

    @Test
    void aMemorizedStageTrainsUntilEveryFactIsExact() {
        String runId = "run-" + UUID.randomUUID();
        Path data = TestJobs.writeKvr(store, runId, 0, 8, 13);
        TrainingJob job = TestJobs.job(store, runId, 0, store.uri(data),
                TestJobs.settings(TestJobs.memorized(150), 3e-3, 8));
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.TRAINING_JOBS, runId, EventCodec.encode(job));
            TrainingEvent outcome = first(client, runId, TrainingEvent.class, TRAINING, e ->
                    e instanceof StageCompleted || e instanceof TrainingFailed);
            StageCompleted completed = assertInstanceOf(StageCompleted.class, outcome, outcome.toString());
            assertEquals("memorized", completed.stopReason());
            assertTrue(completed.epochs() < 150);

            List<TrainingProgress> epochEnds = events(client, runId, TrainingProgress.class, completed.epochs(),
                    Duration.ofSeconds(10), p -> p.exactMatch() != null);
            assertEquals(completed.epochs(), epochEnds.size(), "one progress event per epoch end");
            TrainingProgress last = epochEnds.get(epochEnds.size() - 1);
            assertEquals(completed.epochs(), last.epoch());
            assertEquals(1.0, last.exactMatch());
            assertTrue(epochEnds.get(0).exactMatch() < 1.0, "memorized from the start?");
        }
    }

    private static <T extends TrainingEvent> T first(KafkaTestClient client, String runId, Class<T> type,
            Duration timeout) {
        return first(client, runId, type, timeout, e -> true);
    }

    private static <T extends TrainingEvent> T first(KafkaTestClient client, String runId, Class<T> type,
            Duration timeout, Predicate<TrainingEvent> match) {
        List<String> found = client.poll(Topics.TRAINING, v -> matches(v, runId, type) && match.test(decode(v)),
                timeout);
        assertFalse(found.isEmpty(), "no " + type.getSimpleName() + " for " + runId + " within " + timeout);
        T event = type.cast(decode(found.get(0)));
        assertNotNull(event);
        return event;
    }

    private static <T extends TrainingEvent> List<T> events(KafkaTestClient client, String runId, Class<T> type,
            int count, Duration timeout) {
        return events(client, runId, type, count, timeout, e -> true);
    }

    private static <T extends TrainingEvent> List<T> events(KafkaTestClient client, String runId, Class<T> type,
            int count, Duration timeout, Predicate<T> match) {
        return client.poll(Topics.TRAINING, v -> matches(v, runId, type) && match.test(type.cast(decode(v))), count,
                timeout).stream().map(v -> type.cast(decode(v))).toList();
    }

    private static boolean matches(String value, String runId, Class<? extends TrainingEvent> type) {
        TrainingEvent event = decode(value);
        return runId.equals(event.runId()) && type.isInstance(event);
    }

    private static TrainingEvent decode(String value) {
        return EventCodec.decode(value, TrainingEvent.class);
    }
}
