package ai.mnemo.results.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.results.service.LineageRecorder;
import ai.mnemo.results.service.Outcome;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** DELETE /api/experiments/{id}: who may, what it answers, and what the experiment and its runs become. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CancelTest {

    private static final String SPEC = """
            {"name": "cancel-me", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "size": 5}}],
             "grid": {"methods": [{"name": "naive"}]}}""";
    private static final Duration READ_BACK = Duration.ofSeconds(30);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    LineageRecorder recorder;

    @Test
    void aSubmittedExperimentIsCancelledThroughTheBrokerAndACancelIsIdempotent() throws Exception {
        String id = given().auth().oauth2(TestTokens.of("ada")).contentType(ContentType.JSON).body(SPEC)
                .post("/api/experiments").then().statusCode(202).extract().path("experimentId");
        await(id, r -> r.statusCode() == 200);

        given().auth().oauth2(TestTokens.of("grace")).delete("/api/experiments/{id}", id).then()
                .statusCode(202)
                .body("experimentId", equalTo(id));
        await(id, r -> "cancelled".equals(r.path("status")));
        given().get("/api/experiments/{id}", id).then()
                .body("cancellation.by", equalTo("grace"));
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            List<String> cancels = client.poll(Topics.EXPERIMENTS,
                    v -> v.contains(id) && v.contains("ExperimentCancelled"), READ_BACK);
            assertEquals(1, cancels.size(), cancels.toString());
        }

        given().auth().oauth2(TestTokens.of("grace")).delete("/api/experiments/{id}", id).then().statusCode(202);
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            // The row said cancelled already: the second DELETE published nothing.
            assertEquals(1, client.poll(Topics.EXPERIMENTS,
                    v -> v.contains(id) && v.contains("ExperimentCancelled"), Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void aCancelNeedsATokenAKnownIdAndAnExperimentThatHasNotEnded() {
        given().delete("/api/experiments/{id}", "anything").then()
                .statusCode(401)
                .contentType(ContentType.JSON);
        given().auth().oauth2(TestTokens.submitter()).delete("/api/experiments/{id}", "no-such-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", containsString("no experiment"));

        String rejected = UUID.randomUUID().toString();
        apply(ExperimentRejected.of(rejected, "invalid experiment spec: name: must not be blank", "name"));
        given().auth().oauth2(TestTokens.submitter()).delete("/api/experiments/{id}", rejected).then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", containsString("already ended (rejected)"));
    }

    @Test
    void unfinishedRunsEndCancelledAndAnEndedRunKeepsItsStatus() {
        String experiment = UUID.randomUUID().toString();
        String done = "run-" + UUID.randomUUID();
        String going = "run-" + UUID.randomUUID();
        String late = "run-" + UUID.randomUUID();
        apply(ExperimentPlanned.of(experiment, "grid", List.of(done, going)));
        apply(RunCompleted.of(experiment, done, 1));
        apply(ExperimentCancelled.of(experiment, "ada"));
        // Read after the cancellation: the late run's plan, and a completion that was on its way.
        apply(RunPlanned.of(experiment, late, "naive", null, 0, "naive seed 0", List.of("kvr:A")));
        apply(RunCompleted.of(experiment, going, 1));

        Response lineage = given().get("/api/experiments/{id}", experiment);
        lineage.then().statusCode(200).body("status", equalTo("cancelled"));
        assertEquals("completed", runStatus(lineage, done));
        assertEquals("cancelled", runStatus(lineage, going));
        assertEquals("cancelled", runStatus(lineage, late));
        given().get("/api/experiments").then()
                .body("find { it.id == '" + experiment + "' }.runs.cancelled", equalTo(2));
    }

    private void apply(MnemoEvent event) {
        assertEquals(Outcome.STORED, recorder.record(Topics.of(event), event), event.toString());
    }

    private static String runStatus(Response lineage, String runId) {
        return lineage.path("runs.find { it.id == '" + runId + "' }.status");
    }

    private static void await(String id, Predicate<Response> done) throws InterruptedException {
        long deadline = System.nanoTime() + READ_BACK.toNanos();
        while (!done.test(given().get("/api/experiments/{id}", id))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("experiment " + id + " did not get there within " + READ_BACK);
            }
            Thread.sleep(200);
        }
    }
}
