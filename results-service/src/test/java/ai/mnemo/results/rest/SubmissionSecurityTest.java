package ai.mnemo.results.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.mnemo.events.Topics;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may submit, what a submission must look like, and that a retried POST creates one experiment. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SubmissionSecurityTest {

    private static final String SPEC = """
            {"name": "door", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "size": 5}}],
             "grid": {"methods": [{"name": "naive"}]}}""";

    @InjectKafkaBootstrapServers
    String kafka;

    @Test
    void aSubmissionWithoutAValidTokenIsRefusedWithAJsonBody() {
        given().contentType(ContentType.JSON).body(SPEC).post("/api/experiments").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(ContentType.JSON)
                .body("error", containsString("bearer token"));
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body(SPEC).post("/api/experiments")
                .then().statusCode(401);
        String expired = Jwt.issuer("mnemo-local").audience("mnemo").upn("eve")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).contentType(ContentType.JSON).body(SPEC).post("/api/experiments").then()
                .statusCode(401);
        given().auth().oauth2(Jwt.issuer("someone-else").audience("mnemo").upn("eve").sign())
                .contentType(ContentType.JSON).body(SPEC).post("/api/experiments").then().statusCode(401);
        given().auth().oauth2(signedByAnotherKey()).contentType(ContentType.JSON).body(SPEC)
                .post("/api/experiments").then().statusCode(401);
        // Reads stay open.
        given().get("/api/experiments").then().statusCode(200);
    }

    @Test
    void theSubmitterIsTheTokensIdentityNotAHeader() {
        String id = given().auth().oauth2(TestTokens.of("ada")).header("X-Mnemo-User", "mallory")
                .contentType(ContentType.JSON).body(SPEC).post("/api/experiments").then().statusCode(202)
                .extract().path("experimentId");
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            String record = client.poll(Topics.EXPERIMENTS, v -> v.contains(id), Duration.ofSeconds(30)).get(0);
            assertEquals(true, record.contains("\"submittedBy\":\"ada\""), record);
        }
    }

    @Test
    void aPostMustSayItIsJsonOrYaml() {
        given().auth().oauth2(TestTokens.submitter()).body(SPEC.getBytes(StandardCharsets.UTF_8))
                .post("/api/experiments").then()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("error", containsString("Content-Type"));
        given().auth().oauth2(TestTokens.submitter()).contentType("application/x-www-form-urlencoded")
                .body("name=x").post("/api/experiments").then().statusCode(415);
        given().auth().oauth2(TestTokens.submitter()).contentType("multipart/form-data; boundary=x")
                .body("--x--".getBytes(StandardCharsets.UTF_8)).post("/api/experiments").then().statusCode(415);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String first = submitWithKey("ada", key, SPEC).then().statusCode(202).extract().path("experimentId");
        submitWithKey("ada", key, SPEC).then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", matchesPattern(".*/api/experiments/" + first))
                .body("experimentId", equalTo(first));
        submitWithKey("ada", key, SPEC.replace("\"door\"", "\"other\"")).then()
                .statusCode(422)
                .body("error", containsString("Idempotency-Key"));
        String someoneElses = submitWithKey("grace", key, SPEC).then().statusCode(202).extract()
                .path("experimentId");
        assertNotEquals(first, someoneElses, "keys are per submitter");
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            List<String> requests = client.poll(Topics.EXPERIMENTS, v -> v.contains(first), Duration.ofSeconds(30));
            assertEquals(1, requests.size(), "one ExperimentRequested for two POSTs with one key");
        }
        submitWithKey("ada", "k".repeat(300), SPEC).then().statusCode(400)
                .body("error", containsString("at most 255"));
    }

    @Test
    void hostileBodiesAreRefusedAtTheDoorWithoutLeakingInternals() {
        byte[] invalidUtf8 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[12] = (byte) 0xFF;
        post(invalidUtf8).then().statusCode(400).body("violations[0].message", containsString("not valid UTF-8"));
        post(SPEC.replace("\"door\"", "\"do\\u0000or\"")).then().statusCode(400)
                .body("violations.field", hasItem("name"));
        post(SPEC.replace("\"size\": 5", "\"size\": \"5\"")).then().statusCode(400)
                .body("violations[0].message", containsString("a string"));
        post(SPEC.replace("\"size\": 5", "\"size\": 5, \"maxNewTokens\": 2147483647")).then().statusCode(400)
                .body("violations[0].message", containsString("mnemo.limits.new-tokens"));
        post(SPEC.replace("\"preset\": \"tiny\"", "\"uri\": \"no-such-model\"")).then().statusCode(400)
                .body("violations[0].field", equalTo("model.uri"))
                .body("violations[0].message", containsString("no model 'no-such-model'"))
                .body(not(containsString("test-artifacts")));
        String huge = SPEC.replace("\"door\"", "\"door\", \"x\": \"" + "y".repeat(300_000) + "\"");
        post(huge).then().statusCode(413).contentType(ContentType.JSON)
                .body("error", containsString("mnemo.limits.spec-bytes"));
        post("{\"name\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[").then().statusCode(400)
                .body(not(containsString("com.fasterxml"))).body(not(containsString("java.")));
    }

    private static io.restassured.response.Response submitWithKey(String user, String key, String spec) {
        return given().auth().oauth2(TestTokens.of(user)).header(ExperimentResource.IDEMPOTENCY_KEY, key)
                .contentType(ContentType.JSON).body(spec).post("/api/experiments");
    }

    private static io.restassured.response.Response post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private static io.restassured.response.Response post(byte[] body) {
        return given().auth().oauth2(TestTokens.submitter()).contentType(ContentType.JSON).body(body)
                .post("/api/experiments");
    }

    private static String signedByAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("mnemo-local").audience("mnemo").upn("eve").sign(generator.generateKeyPair()
                    .getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
