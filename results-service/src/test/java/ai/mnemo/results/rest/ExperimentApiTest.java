package ai.mnemo.results.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.results.SyntheticLineage;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST API: submitting specs (to Kafka), reading lineage, and errors that blame the right party. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ExperimentApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @InjectKafkaBootstrapServers
    String kafka;

    @Test
    void aValidYamlSpecIsPublishedAsExperimentRequested() {
        Response accepted = given().auth().oauth2(TestTokens.of("grace")).contentType(ExperimentResource.YAML)
                .body(bytes(SyntheticLineage.SPEC_YAML))
                .post("/api/experiments")
                .then()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("experimentId", matchesPattern(UUID_PATTERN))
                .extract().response();
        String id = accepted.path("experimentId");
        assertThat(accepted.header("Location"), endsWith("/api/experiments/" + id));

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            List<String> records = client.poll(Topics.EXPERIMENTS, v -> v.contains(id), PATIENCE);
            assertEquals(1, records.size(), "ExperimentRequested for " + id + " on " + Topics.EXPERIMENTS);
            ExperimentRequested requested = (ExperimentRequested) EventCodec.decode(records.get(0),
                    ExperimentEvent.class);
            assertEquals(id, requested.experimentId());
            assertEquals("grace", requested.submittedBy());
            assertEquals("synthetic", requested.spec().name());
            assertEquals(2, requested.spec().stages().size());
        }
        // results-service reads its own request back like any other.
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/experiments/{id}", id).then()
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("submittedBy", equalTo("grace"))
                .body("spec.name", equalTo("synthetic")));
        List<String> submitted = given().get("/api/experiments?limit=1000").then()
                .statusCode(200)
                .body("id", hasItem(id))
                .extract().path("submittedAt");
        List<Instant> times = submitted.stream().map(Instant::parse).toList();
        assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times, "newest first");
    }

    @Test
    void aValidJsonSpecIsAccepted() {
        String json = """
                {"name": "json", "model": {"preset": "tiny"},
                 "stages": [{"dataset": {"name": "kvr", "size": 5}}],
                 "grid": {"methods": [{"name": "naive"}]}}""";
        given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.JSON).body(json).post("/api/experiments").then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/experiments/" + UUID_PATTERN));
    }

    @Test
    void anInvalidSpecIsRejectedNamingTheField() {
        String spec = SyntheticLineage.SPEC_YAML.replace("split: A, size: 10", "split: A, size: 0");
        given().auth().oauth2(TestTokens.submitter()).contentType("text/yaml").body(bytes(spec)).post("/api/experiments").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("invalid experiment spec"))
                .body("violations.field", hasItem("stages[0].dataset.size"))
                .body("violations.find { it.field == 'stages[0].dataset.size' }.message", containsString("(was 0)"));
    }

    @Test
    void unreadableSpecsAreClientErrors() {
        given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.JSON).body("{\"name\": ").post("/api/experiments").then()
                .statusCode(400)
                .body("violations[0].message", containsString("malformed"));
        given().auth().oauth2(TestTokens.submitter()).contentType(ExperimentResource.YAML).body(bytes("name: [a list]")).post("/api/experiments").then()
                .statusCode(400)
                .body("violations.field", hasItem("name"));
        given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.JSON).body("{\"name\": \"x\", \"bogus\": 1}").post("/api/experiments")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("bogus"));
        given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.JSON).body("").post("/api/experiments").then()
                .statusCode(400)
                .body("violations[0].message", containsString("empty"));
        given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.TEXT).body("name: x").post("/api/experiments").then()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("error", notNullValue());
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/experiments/{id}", "no-such-experiment").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", containsString("no-such-experiment"));
        given().get("/api/runs/{id}", "no-such-run").then()
                .statusCode(404)
                .body("error", containsString("no-such-run"));
        given().get("/api/runs/{id}/loss", "no-such-run").then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        given().get("/api/nothing-here").then()
                .statusCode(404)
                .contentType(ContentType.JSON);
    }

    @Test
    void aBadLimitIsABadRequest() {
        given().get("/api/experiments?limit=ten").then()
                .statusCode(400)
                .body("error", containsString("limit"));
        given().get("/api/experiments?limit=0").then().statusCode(400);
        given().get("/api/experiments?limit=2").then().statusCode(200);
    }

    @Test
    void theApiIsDocumentedAndMeasured() {
        given().auth().oauth2(TestTokens.submitter()).contentType(ExperimentResource.YAML).body(bytes(SyntheticLineage.SPEC_YAML)).post("/api/experiments")
                .then().statusCode(202);
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths", hasKey("/api/experiments"))
                .body("paths", hasKey("/api/experiments/{id}"))
                .body("paths", hasKey("/api/runs/{id}"));
        // The request just submitted comes back through the consumer and is counted; the gauge has every status.
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("mnemo_results_events_total{outcome=\"stored\",topic=\"mnemo.experiments.v1\"}"))
                .body(containsString("mnemo_results_experiments{status=\"completed\"")));
    }

    /** RestAssured encodes only the content types it knows; YAML goes as the bytes of the text. */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
