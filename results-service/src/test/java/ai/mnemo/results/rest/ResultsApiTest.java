package ai.mnemo.results.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.GridLineage;
import ai.mnemo.results.RowCounts;
import ai.mnemo.results.SyntheticLineage;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention and comparison over a grid of 2 methods x 2 completed seeds, one failed and one running run, read
 * through the real broker. The expected statistics are worked out by hand from GridLineage's numbers.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ResultsApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final double EPS = 1e-9;
    /** JSON decimals read as doubles (not floats), so that the statistics can be compared to 1e-9. */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    @InjectKafkaBootstrapServers
    String kafka;

    /** Stored once for the class (every test only reads it). */
    private static GridLineage grid;

    @BeforeEach
    void storeGridOnce() {
        if (grid != null) {
            return;
        }
        GridLineage stored = new GridLineage();
        List<MnemoEvent> events = stored.events();
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            SyntheticLineage.publish(client, events);
        }
        await().atMost(PATIENCE).until(() -> RowCounts.processed(events) == events.size());
        grid = stored;
    }

    @Test
    void retentionIsOneMatrixPerRun() {
        String naive0 = "runs.find { it.label == 'naive/seed0' }";
        String remix1 = "runs.find { it.label == 'remix(random-words x2)/seed1' }";
        String failed = "runs.find { it.label == 'naive/seed2' }";
        String running = "runs.find { it.label == 'remix(random-words x2)/seed2' }";
        api().get("/api/experiments/{id}/retention", grid.experimentId).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("experimentId", equalTo(grid.experimentId))
                .body("name", equalTo("grid"))
                .body("status", equalTo("planned"))
                .body("runs", hasSize(6))
                .body(naive0 + ".runId", equalTo(grid.runId(GridLineage.NAIVE, 0)))
                .body(naive0 + ".method", equalTo("naive"))
                .body(naive0 + ".mixRatio", nullValue())
                .body(naive0 + ".seed", equalTo(0))
                .body(naive0 + ".status", equalTo("completed"))
                .body(naive0 + ".datasets", contains("kvr:A", "kvr:B"))
                .body(naive0 + ".metrics", contains("exact-match", "exact-match"))
                // rows: the checkpoint after stage i; columns: the dataset of stage j; null above the diagonal
                .body(naive0 + ".accuracy", contains(contains(1.0, null), contains(0.2, 1.0)))
                .body(naive0 + ".rougeL[1][0]", closeTo(0.18, 1e-6))
                .body(remix1 + ".method", equalTo("remix"))
                .body(remix1 + ".mixRatio", equalTo(2.0))
                .body(remix1 + ".seed", equalTo(1))
                .body(remix1 + ".accuracy", contains(contains(0.98, null), contains(0.5, 1.0)))
                .body(failed + ".status", equalTo("failed"))
                .body(failed + ".accuracy", contains(contains(1.0, null), contains(null, null)))
                .body(running + ".status", equalTo("running"))
                .body(running + ".accuracy", contains(contains(1.0, null), contains(null, null)));
    }

    @Test
    void comparisonGivesMeanAndSampleStdOverCompletedSeeds() {
        ValidatableResponse response = api().get("/api/experiments/{id}/comparison", grid.experimentId).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("experimentId", equalTo(grid.experimentId))
                .body("datasets", contains("kvr:A", "kvr:B"))
                .body("methods.label", contains(GridLineage.NAIVE, GridLineage.REMIX));

        // naive: retention 0.20, 0.30; stage-1 accuracy 1.0, 1.0; D_B 1.0, 0.96; steps (100, 120), (110, 120).
        String naive = "methods[0].";
        response.body(naive + "method", equalTo("naive"))
                .body(naive + "mixRatio", nullValue())
                .body(naive + "n", equalTo(2))
                .body(naive + "seeds", contains(0, 1))
                .body(naive + "retention.n", equalTo(2))
                .body(naive + "retention.mean", closeTo(0.25, EPS))
                .body(naive + "retention.std", closeTo(Math.sqrt(0.005), EPS))     // 0.0707: ((0.05² * 2) / 1)^½
                .body(naive + "forgetting.mean", closeTo(0.75, EPS))
                .body(naive + "forgetting.std", closeTo(Math.sqrt(0.005), EPS))
                .body(naive + "lastStageAccuracy.mean", closeTo(0.98, EPS))
                .body(naive + "lastStageAccuracy.std", closeTo(Math.sqrt(0.0008), EPS)) // 0.0283
                .body(naive + "stepsPerStage.mean", contains(closeTo(105, EPS), closeTo(120, EPS)))
                .body(naive + "stepsPerStage[0].std", closeTo(Math.sqrt(50), EPS))     // 7.07
                .body(naive + "stepsPerStage[1].std", closeTo(0, EPS))
                .body(naive + "runs.retention", contains(closeTo(0.2, EPS), closeTo(0.3, EPS)))
                // below exact match, teacher forcing on D_A: log p -1.6, -1.4; gold tokens 0.60, 0.65
                .body(naive + "retentionLogProb.mean", closeTo(-1.5, EPS))
                .body(naive + "retentionLogProb.std", closeTo(Math.sqrt(0.02), EPS))
                .body(naive + "retentionTokenAccuracy.mean", closeTo(0.625, EPS))
                .body(naive + "runs.retentionTokenAccuracy", contains(closeTo(0.6, EPS), closeTo(0.65, EPS)))
                .body(naive + "runs.steps", contains(contains(100, 120), contains(110, 120)))
                // the failed seed is excluded from every statistic, counted and listed with its reason
                .body(naive + "failed", equalTo(1))
                .body(naive + "failedRuns", hasSize(1))
                .body(naive + "failedRuns[0].runId", equalTo(grid.runId(GridLineage.NAIVE, 2)))
                .body(naive + "failedRuns[0].label", equalTo("naive/seed2"))
                .body(naive + "failedRuns[0].seed", equalTo(2))
                .body(naive + "failedRuns[0].stageIndex", equalTo(1))
                .body(naive + "failedRuns[0].reason", equalTo(GridLineage.FAILURE))
                .body(naive + "pending", equalTo(0));

        // remix x2: retention 0.70, 0.50; stage-1 accuracy 1.0, 0.98; D_B 1.0, 1.0; steps (300, 360), (320, 340).
        String remix = "methods[1].";
        response.body(remix + "method", equalTo("remix"))
                .body(remix + "mixRatio", equalTo(2.0))
                .body(remix + "n", equalTo(2))
                .body(remix + "seeds", contains(0, 1))
                .body(remix + "retention.mean", closeTo(0.6, EPS))
                .body(remix + "retention.std", closeTo(Math.sqrt(0.02), EPS))        // 0.1414
                .body(remix + "forgetting.mean", closeTo(0.39, EPS))                 // (0.30 + 0.48) / 2
                .body(remix + "forgetting.std", closeTo(Math.sqrt(0.0162), EPS))     // 0.1273
                .body(remix + "lastStageAccuracy.mean", closeTo(1.0, EPS))
                .body(remix + "lastStageAccuracy.std", closeTo(0.0, EPS))
                .body(remix + "stepsPerStage.mean", contains(closeTo(310, EPS), closeTo(350, EPS)))
                .body(remix + "stepsPerStage.std", contains(closeTo(Math.sqrt(200), EPS), closeTo(Math.sqrt(200), EPS)))
                .body(remix + "failed", equalTo(0))
                .body(remix + "failedRuns", hasSize(0))
                // the seed still training is not in the statistics either
                .body(remix + "pending", equalTo(1));

        // remix against naive: retention (0.70, 0.50) - (0.20, 0.30), Welch df 1.47
        response.body("versusNaive.label", contains(GridLineage.REMIX))
                .body("versusNaive[0].n", equalTo(2))
                .body("versusNaive[0].naiveN", equalTo(2))
                .body("versusNaive[0].retention.mean", closeTo(0.35, EPS))
                .body("versusNaive[0].retention.degreesOfFreedom", closeTo(0.00015625 / 0.00010625, 1e-6))
                .body("versusNaive[0].retentionLogProb.mean", closeTo(0.7, EPS)); // -0.8 against -1.5
    }

    @Test
    void theLogitLensIsAveragedOverSeedsPerMethodAndCell() {
        ValidatableResponse response = api().get("/api/experiments/{id}/logit-lens", grid.experimentId).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("datasets", contains("kvr:A", "kvr:B"))
                .body("methods.label", contains(GridLineage.NAIVE, GridLineage.REMIX))
                .body("methods[0].n", equalTo(2))
                // after stage 0 on kvr:A, after stage 1 on kvr:A and on kvr:B
                .body("methods[0].cells.stageIndex", contains(0, 1, 1))
                .body("methods[0].cells.datasetStageIndex", contains(0, 0, 1));
        // naive after stage 1 on D_A: accuracies 0.20, 0.30 -> 10 and 15 known facts, 5 and 7 of them first
        // top-1 after layer 1, the others after layer 2.
        String cell = "methods[0].cells[1].";
        response.body(cell + "n", equalTo(2))
                .body(cell + "meanProbability", contains(closeTo(0.01, EPS), closeTo(0.125, EPS), closeTo(0.25, EPS)))
                .body(cell + "top1Rate", contains(closeTo(0.0, EPS), closeTo(0.12, EPS), closeTo(0.25, EPS)))
                .body(cell + "firstTop1", contains(0, 12, 13))
                .body(cell + "neverTop1", equalTo(75))
                .body(cell + "meanFirstTop1Depth", closeTo(38.0 / 25, EPS));
    }

    @Test
    void aSingleSeedHasNoStandardDeviation() {
        SyntheticLineage lineage = SyntheticLineage.fresh();
        List<MnemoEvent> events = lineage.events();
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            SyntheticLineage.publish(client, events);
        }
        await().atMost(PATIENCE).until(() -> RowCounts.processed(events) == events.size());
        // SyntheticLineage labels its run "naive seed 7" (no /seed suffix): grouped by method name instead.
        api().get("/api/experiments/{id}/comparison", lineage.experimentId).then()
                .statusCode(200)
                .body("methods", hasSize(1))
                .body("methods[0].label", equalTo("naive"))
                .body("methods[0].n", equalTo(1))
                .body("methods[0].retention.mean", closeTo(0.4, EPS))
                .body("methods[0].retention.std", nullValue())
                .body("methods[0].forgetting.mean", closeTo(0.6, EPS))
                .body("methods[0].lastStageAccuracy.mean", closeTo(1.0, EPS))
                .body("methods[0].stepsPerStage.mean", contains(closeTo(30, EPS), closeTo(30, EPS)));
    }

    @Test
    void clientMistakesAreFourHundreds() {
        for (String path : List.of("/api/experiments/{id}", "/api/experiments/{id}/retention",
                "/api/experiments/{id}/comparison", "/api/experiments/{id}/logit-lens", "/api/runs/{id}",
                "/api/runs/{id}/loss")) {
            api().get(path, "no-such-id").then()
                    .statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error", containsString("no-such-id"));
            // A NUL cannot be in any id (PostgreSQL would refuse the query outright), nor can 256 characters.
            api().get(path, "bad\u0000id").then()
                    .statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("error", containsString("printable characters only"));
            api().get(path, "x".repeat(Ids.MAX_LENGTH + 1)).then()
                    .statusCode(400)
                    .body("error", containsString("at most " + Ids.MAX_LENGTH));
        }
        api().get("/api/experiments/{id}/nothing", grid.experimentId).then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        api().post("/api/experiments/{id}/comparison", grid.experimentId).then()
                .statusCode(405)
                .contentType(ContentType.JSON);
    }

    @Test
    void theNewEndpointsAreDocumented() {
        api().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths", hasKey("/api/experiments/{id}/retention"))
                .body("paths", hasKey("/api/experiments/{id}/comparison"))
                .body("paths", hasKey("/api/runs/{id}/loss"))
                .body("paths", hasKey("/api/experiments/{id}/logit-lens"))
                .body("components.schemas", hasKey("LogitLensReport"))
                .body("paths.'/api/experiments/{id}/comparison'.get.responses", hasKey("404"))
                .body("paths.'/api/experiments/{id}/comparison'.get.responses", hasKey("400"))
                .body("components.schemas", hasKey("RetentionReport"))
                .body("components.schemas", hasKey("ComparisonReport"))
                .body("components.schemas", hasKey("Spread"))
                .body("components.schemas.Spread.properties", hasKey("std"));
    }

    private static RequestSpecification api() {
        return given().config(DOUBLES);
    }
}
