package ai.mnemo.data.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The watchdog over the real broker, with the test profile's limits of seconds (application.properties): a started stage that goes silent is issued again as
 * attempt 2 on the same rows, a late answer of either attempt completes it once, and a stage silent in every attempt
 * fails its run with a reason, which {@code GET /api/runs/{id}/state} shows.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class WatchdogTest {

    static final String SPEC = """
            name: watchdog
            model: {preset: tiny}
            stages:
              - dataset: {name: kvr, split: A, size: 10}
              - dataset: {name: kvr, split: B, size: 10}
            training: {stopping: {rule: fixed-epochs, epochs: 5}}
            grid:
              methods:
                - name: naive
              seeds: [0]
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Test
    void aSilentStageIsIssuedAgainThenTheRunFails() {
        String id = UUID.randomUUID().toString();
        TrainingJob first;
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, Specs.valid(SPEC), "test"));
            first = broker.awaitOne(TrainingJob.class, e -> id.equals(e.experimentId()));
            assertEquals(0, broker.within(TrainingJob.class, 2, e -> id.equals(e.experimentId()) && e.attempt() == 2)
                    .size(), "a job nobody took yet is not re-issued");

            broker.publish(TrainingStarted.of(id, first.runId(), 0, 1, "trainer-a", 100, 0));
            TrainingJob second = broker.awaitOne(TrainingJob.class,
                    e -> id.equals(e.experimentId()) && e.attempt() == 2);
            assertEquals(0, second.stageIndex());
            assertEquals(first.datasetUri(), second.datasetUri(), "the same rows");
            assertEquals(first.model(), second.model());
            assertEquals(1, broker.within(DatasetPrepared.class, 2, e -> id.equals(e.experimentId())).size(),
                    "the rows are not prepared again");

            // Attempt 1 was alive after all and finishes: the stage completes once; attempt 2's result is ignored.
            broker.publish(StageCompleted.of(id, first.runId(), 0, 1, first.checkpointUri(), 10, 5, 0.1,
                    "fixed-epochs", 1, 100));
            broker.publish(StageCompleted.of(id, first.runId(), 0, 2, first.checkpointUri(), 10, 5, 0.1,
                    "fixed-epochs", 1, 100));
            assertEquals(1, broker.within(EvalJob.class, 2, e -> id.equals(e.experimentId())).size());
            TrainingJob stage1 = broker.awaitOne(TrainingJob.class,
                    e -> id.equals(e.experimentId()) && e.stageIndex() == 1);

            // Stage 1 goes silent in both of its attempts: the run fails saying so.
            broker.publish(TrainingStarted.of(id, first.runId(), 1, 1, "trainer-a", 100, 0));
            broker.awaitOne(TrainingJob.class, e -> id.equals(e.experimentId()) && e.stageIndex() == 1
                    && e.attempt() == 2);
            broker.publish(TrainingStarted.of(id, first.runId(), 1, 2, "trainer-b", 100, 0));
            RunFailed failed = broker.awaitOne(RunFailed.class, e -> id.equals(e.experimentId()));
            assertEquals(1, failed.stageIndex());
            assertTrue(failed.reason().contains("no training progress"), failed.reason());
            assertEquals(stage1.runId(), failed.runId());
        }
        String runId = first.runId();
        given().get("/api/runs/{id}/state", runId).then().statusCode(200)
                .body("state.phase", is("FAILED"))
                .body("state.stages[0].status", is("TRAINED"))
                .body("state.stages[1].attempt", is(2))
                .body("waitingFor", is("nothing: failed"));
        given().get("/api/runs/{id}/state", "..%2F..%2Fetc").then().statusCode(400)
                .body("error", containsString("runId must be a run's UUID"));
        given().get("/api/runs/{id}/state", UUID.randomUUID().toString()).then().statusCode(404);
    }
}
