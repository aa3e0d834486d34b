package ai.mnemo.results;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.results.metrics.ResultsMetrics;
import ai.mnemo.results.service.Outcome;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the service through the real broker: every topic in, the lineage out over REST. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class LineageConsumptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ResultsMetrics metrics;

    private KafkaTestClient client;

    @BeforeEach
    void connect() {
        client = new KafkaTestClient(kafka);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void recordsEveryLevelOfTheLineageAndReplaysIdempotently() {
        SyntheticLineage lineage = SyntheticLineage.fresh();
        List<MnemoEvent> events = lineage.events();
        assertEquals(22, events.size());
        SyntheticLineage.publish(client, events);

        await().atMost(PATIENCE).untilAsserted(() -> assertCompleteLineage(lineage));
        RowCounts before = RowCounts.of(lineage.experimentId);
        assertEquals(new RowCounts(1, 1, 2, 3, 6), before);
        String body = lineageBody(lineage.experimentId);

        // The very same records again (a redelivery, a replay from offset 0): recognised by event id.
        double duplicates = duplicatesSoFar();
        SyntheticLineage.publish(client, events);
        await().atMost(PATIENCE).until(() -> duplicatesSoFar() - duplicates >= events.size());
        assertEquals(before, RowCounts.of(lineage.experimentId));
        assertEquals(body, lineageBody(lineage.experimentId));

        // The same facts re-emitted under new event ids (a worker re-announcing): caught by the natural keys.
        List<MnemoEvent> reEmitted = lineage.events();
        SyntheticLineage.publish(client, reEmitted);
        await().atMost(PATIENCE).until(() -> RowCounts.processed(reEmitted) == reEmitted.size());
        assertEquals(before, RowCounts.of(lineage.experimentId));
        assertEquals(body, lineageBody(lineage.experimentId));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLettersAndDoesNotStopTheConsumer() {
        String experimentId = UUID.randomUUID().toString();
        String runId = "run-" + experimentId;
        // Same key, same partition: the good record is read only after the bad ones.
        client.publish(Topics.RUNS, runId, "this is not JSON " + runId);
        client.publish(Topics.RUNS, runId, "{\"type\":\"RunPlanned\",\"runId\":\"" + runId + "\"}");
        client.publish(Topics.RUNS, runId, "{\"type\":\"TrainingJob\", \"runId\":\"" + runId + "\"}");
        // A type this version does not know: ignored, not dead-lettered (v1 may add types).
        client.publish(Topics.RUNS, runId, "{\"type\":\"RunPaused\", \"runId\":\"" + runId + "\"}");
        client.publish(Topics.RUNS, runId, EventCodec.encode(
                RunPlanned.of(experimentId, runId, "remix", 2.0, 3L, "remix x2 seed 3", List.of("kvr:A"))));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/runs/{id}", runId).then()
                .statusCode(200)
                .body("label", equalTo("remix x2 seed 3"))
                .body("mixRatio", equalTo(2.0f))
                .body("stages.dataset", contains("kvr:A")));
        List<String> deadLetters = client.poll(Topics.DEAD_LETTERS, v -> v.contains(runId), 3, PATIENCE);
        assertEquals(3, deadLetters.size(), deadLetters.toString());
        assertTrue(deadLetters.stream().noneMatch(v -> v.contains("RunPaused")), deadLetters.toString());
    }

    @Test
    void recordsFailuresAndRejections() {
        String experimentId = UUID.randomUUID().toString();
        String runId = "run-" + experimentId;
        SyntheticLineage.publish(client, List.of(
                ExperimentPlanned.of(experimentId, "doomed", List.of(runId)),
                RunPlanned.of(experimentId, runId, "naive", null, 0L, "naive seed 0", List.of("kvr:A", "kvr:B")),
                DatasetPrepared.of(experimentId, runId, 0, "kvr:A", "file:/a.jsonl",
                        new DatasetManifest("kvr:A", 0L, List.of(),
                                new DatasetManifest.Counts(5, 0, 0, 5), "sha", null)),
                TrainingFailed.of(experimentId, runId, 0, 1, "memorized rule reached 400 epochs at 80%"),
                RunFailed.of(experimentId, runId, 0, "stage 0 did not memorize: raise stopping.epochs")));
        String rejectedId = UUID.randomUUID().toString();
        client.publish(Topics.EXPERIMENTS, rejectedId, EventCodec.encode(ExperimentRejected.of(rejectedId,
                "stages[0].dataset.size: must be between 1 and 100000 (was 0)", "stages[0].dataset.size")));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/experiments/{id}", experimentId).then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("runs[0].status", equalTo("failed"))
                .body("runs[0].failure.stageIndex", equalTo(0))
                .body("runs[0].failure.reason", equalTo("stage 0 did not memorize: raise stopping.epochs"))
                .body("runs[0].stages.status", contains("failed", "pending"))
                .body("runs[0].stages[0].failureReason",
                        equalTo("training attempt 1 failed: memorized rule reached 400 epochs at 80%")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/experiments/{id}", rejectedId).then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("rejection.field", equalTo("stages[0].dataset.size"))
                .body("runs", hasSize(0)));
    }

    @Test
    void aRetryableFailureLeavesTheStageTrainingUntilTheRunFails() {
        String experimentId = UUID.randomUUID().toString();
        String runId = "run-" + experimentId;
        SyntheticLineage.publish(client, List.of(
                ExperimentPlanned.of(experimentId, "retried", List.of(runId)),
                RunPlanned.of(experimentId, runId, "naive", null, 0L, "naive seed 0", List.of("kvr:A")),
                TrainingStarted.of(experimentId, runId, 0, 1, "trainer-a", 30, 0),
                TrainingFailed.retryable(experimentId, runId, 0, 1, "training failed: I/O error"),
                TrainingStarted.of(experimentId, runId, 0, 2, "trainer-b", 30, 10)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/experiments/{id}", experimentId).then()
                .statusCode(200)
                .body("runs[0].status", equalTo("running"))
                .body("runs[0].stages[0].status", equalTo("training"))
                .body("runs[0].stages[0].attempt", equalTo(2)));

        SyntheticLineage.publish(client, List.of(
                TrainingFailed.retryable(experimentId, runId, 0, 2, "training failed: I/O error"),
                RunFailed.of(experimentId, runId, 0, "training failed: I/O error (the last of 2 attempts)")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/experiments/{id}", experimentId).then()
                .statusCode(200)
                .body("runs[0].status", equalTo("failed"))
                .body("runs[0].stages[0].status", equalTo("failed"))
                .body("runs[0].stages[0].failureReason",
                        equalTo("training failed: I/O error (the last of 2 attempts)")));
    }

    /** Every level: experiment, spec, run, stages (data, settings, outcome, checkpoint), evaluations, loss. */
    private static void assertCompleteLineage(SyntheticLineage lineage) {
        ValidatableResponse response = given().get("/api/experiments/{id}", lineage.experimentId).then()
                .statusCode(200)
                .body("id", equalTo(lineage.experimentId))
                .body("name", equalTo("synthetic"))
                .body("status", equalTo("completed"))
                .body("submittedBy", equalTo("ada"))
                .body("submittedAt", equalTo(SyntheticLineage.T0.toString()))
                .body("plannedRuns", equalTo(1))
                .body("rejection", nullValue())
                .body("spec.grid.seeds", contains(7))
                .body("spec.stages[1].dataset.split", equalTo("B"))
                .body("runs", hasSize(1))
                .body("runs[0].id", equalTo(lineage.runId))
                .body("runs[0].experimentId", equalTo(lineage.experimentId))
                .body("runs[0].method", equalTo("naive"))
                .body("runs[0].mixRatio", nullValue())
                .body("runs[0].seed", equalTo(7))
                .body("runs[0].label", equalTo("naive seed 7"))
                .body("runs[0].status", equalTo("completed"))
                .body("runs[0].failure", nullValue())
                .body("runs[0].stageCount", equalTo(2))
                .body("runs[0].stages.index", contains(0, 1))
                .body("runs[0].stages.status", contains("evaluated", "evaluated"))
                .body("runs[0].stages.dataset", contains("kvr:A", "kvr:B"))
                // Stored cost: CPU training 24 + CPU evaluation 4.5, GPU training 12.5; stage 1's evaluation unpriced.
                .body("runs[0].stages[0].evaluationCost.deviceSeconds", equalTo(4.5f))
                .body("runs[0].stages[1].evaluationCost", nullValue())
                .body("runs[0].cost.cpuSeconds", equalTo(28.5f))
                .body("runs[0].cost.gpuSeconds", equalTo(12.5f))
                .body("runs[0].cost.jobs", equalTo(3))
                .body("runs[0].cost.unpriced", equalTo(1))
                .body("runs[0].cost.hardware", contains(SyntheticLineage.CPU_MODEL, SyntheticLineage.GPU_MODEL))
                .body("cost.cpuSeconds", equalTo(28.5f));
        given().get("/api/experiments/{id}/comparison", lineage.experimentId).then().statusCode(200)
                .body("cost.gpuSeconds", equalTo(12.5f))
                .body("methods[0].cost.total.cpuSeconds", equalTo(28.5f))
                .body("methods[0].cost.cpuSecondsPerSeed.mean", equalTo(28.5f))
                .body("methods[0].cost.gpuSecondsPerSeed.n", equalTo(1));
        for (int stage = 0; stage < 2; stage++) {
            String at = "runs[0].stages[" + stage + "].";
            response.body(at + "datasetUri", equalTo(lineage.stageDir(stage) + "/dataset.jsonl"))
                    .body(at + "manifest.counts.facts", equalTo(10))
                    .body(at + "manifest.contentSha256", equalTo("sha-" + stage))
                    .body(at + "settings.learningRate", equalTo(0.002f))
                    .body(at + "settings.stopping.rule", equalTo("memorized"))
                    .body(at + "attempt", equalTo(1))
                    .body(at + "training.steps", equalTo(30))
                    .body(at + "training.epochs", equalTo(3))
                    .body(at + "training.finalLoss", equalTo((float) SyntheticLineage.loss(stage, 2)))
                    .body(at + "training.stopReason", equalTo("memorized"))
                    .body(at + "training.trainSeconds", equalTo(12.5f))
                    .body(at + "training.startedAt", equalTo(
                            SyntheticLineage.T0.plusSeconds(5 + 9L * stage).toString()))
                    .body(at + "checkpointUri", equalTo(lineage.stageDir(stage) + "/checkpoint"))
                    .body(at + "evalSeconds", equalTo(2.5f))
                    .body(at + "trainingCost.device", equalTo(stage == 0 ? "cpu" : "gpu"))
                    .body(at + "trainingCost.deviceSeconds", equalTo(stage == 0 ? 24.0f : 12.5f))
                    .body(at + "trainingCost.wallSeconds", equalTo(12.5f))
                    .body(at + "trainingCost.devices", equalTo(stage == 0 ? 2 : 1))
                    .body(at + "trainingCost.hardware", equalTo(stage == 0 ? SyntheticLineage.CPU_MODEL
                            : SyntheticLineage.GPU_MODEL))
                    .body(at + "evaluations", hasSize(stage + 1));
            for (int seen = 0; seen <= stage; seen++) {
                String evaluation = at + "evaluations[" + seen + "].";
                response.body(evaluation + "datasetStageIndex", equalTo(seen))
                        .body(evaluation + "dataset", equalTo(SyntheticLineage.DATASETS.get(seen)))
                        .body(evaluation + "metric", equalTo("exact-match"))
                        .body(evaluation + "count", equalTo(10))
                        .body(evaluation + "accuracy", equalTo((float) SyntheticLineage.accuracy(stage, seen)))
                        .body(evaluation + "rougeL", equalTo((float) (SyntheticLineage.accuracy(stage, seen) * 0.9)))
                        .body(evaluation + "predictionsUri",
                                equalTo(lineage.stageDir(stage) + "/predictions/" + seen + ".jsonl"));
            }
        }
        response.body("runs[0].stages[0].model.preset", equalTo("tiny"))
                .body("runs[0].stages[1].model.uri", equalTo(lineage.stageDir(0) + "/checkpoint"));
        given().get("/api/runs/{id}/loss", lineage.runId).then()
                .statusCode(200)
                .body("step", contains(10, 20, 30, 10, 20, 30))
                .body("stageIndex", contains(0, 0, 0, 1, 1, 1))
                .body("exactMatch", contains(null, null, 1.0f, null, null, 1.0f));
        given().get("/api/runs/{id}", lineage.runId).then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("stages[1].evaluations.accuracy", contains(0.4f, 1.0f));
        given().get("/api/experiments").then()
                .statusCode(200)
                .body("find { it.id == '" + lineage.experimentId + "' }.runs.completed", equalTo(1))
                .body("find { it.id == '" + lineage.experimentId + "' }.status", equalTo("completed"));
    }

    private static String lineageBody(String experimentId) {
        return given().get("/api/experiments/{id}", experimentId).then().statusCode(200).extract().asString();
    }

    private double duplicatesSoFar() {
        return Topics.ALL.stream().mapToDouble(t -> metrics.counter(t, Outcome.DUPLICATE).count()).sum();
    }
}
