package ai.mnemo.results.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.GridLineage;
import ai.mnemo.results.RowCounts;
import ai.mnemo.results.SyntheticLineage;
import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ErrorResponse;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.LogitLensReport;
import ai.mnemo.results.api.ResultsJson;
import ai.mnemo.results.api.RetentionReport;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageProgress;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST contract from the server's side: real answers read strictly (an unknown field fails) into the results-api
 * records the CLI reads with, and their shape (every field path) compared with the committed fixtures in
 * {@code results-api/src/test/resources/contract/}, which the CLI's tests render tables from. A renamed, removed
 * or added field breaks this test until the fixtures are captured again:
 * {@code ./mvnw -pl results-service -am verify -Dtest=ContractTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmnemo.contract.write=true} (with the database and broker variables CI sets).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ContractTest {

    /** Where the fixtures live, from results-service's directory (the tests' working directory). */
    static final Path FIXTURES = Path.of("..", "results-api", "src", "test", "resources", "contract");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @InjectKafkaBootstrapServers
    String kafka;

    private static GridLineage grid;
    private static String rejectedId;

    @BeforeEach
    void storeOnce() {
        if (grid != null) {
            return;
        }
        GridLineage stored = new GridLineage();
        List<MnemoEvent> events = new ArrayList<>(stored.events());
        String rejected = java.util.UUID.randomUUID().toString();
        events.add(ExperimentRequested.of(rejected, ExperimentSpecs.parse(SyntheticLineage.SPEC_YAML), "ada"));
        events.add(ExperimentRejected.of(rejected, "stages[1].dataset.size is larger than the pool (10 of 8)",
                "stages[1].dataset.size"));
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            SyntheticLineage.publish(client, events);
        }
        await().atMost(PATIENCE).until(() -> RowCounts.processed(events) == events.size());
        grid = stored;
        rejectedId = rejected;
    }

    @Test
    void theLineageReadsStrictlyWithProgressAndFailures() throws IOException {
        String body = answer("/api/experiments/" + grid.experimentId, 200);
        ExperimentLineage lineage = ResultsJson.strict().readValue(body, ExperimentLineage.class);

        assertEquals(grid.experimentId, lineage.id());
        assertEquals("grid", lineage.name());
        assertEquals(6, lineage.runs().size());
        RunLineage failed = run(lineage, "naive/seed2");
        assertEquals("failed", failed.status());
        assertEquals(GridLineage.FAILURE, failed.failure().reason());
        assertEquals(1, failed.failure().stageIndex());
        RunLineage running = run(lineage, "remix(random-words x2)/seed2");
        StageProgress progress = running.stages().get(1).progress();
        assertNotNull(progress, "the running stage's progress");
        assertEquals(400, progress.plannedSteps());
        assertEquals(10, progress.step());
        assertEquals(1.5, progress.loss());
        assertNotNull(progress.reportedAt());
        StageProgress done = run(lineage, "naive/seed0").stages().get(0).progress();
        assertEquals(done.plannedSteps(), done.step(), "a trained stage's last report is its last step");
        matchesFixture("experiment-lineage", body);
    }

    @Test
    void aRejectedExperimentSaysWhy() throws IOException {
        String body = answer("/api/experiments/" + rejectedId, 200);
        ExperimentLineage lineage = ResultsJson.strict().readValue(body, ExperimentLineage.class);

        assertEquals("rejected", lineage.status());
        assertEquals("stages[1].dataset.size", lineage.rejection().field());
        assertTrue(lineage.rejection().reason().contains("larger than the pool"));
        assertEquals(List.of(), lineage.runs());
        matchesFixture("experiment-rejected", body);
    }

    @Test
    void theListReadsStrictly() throws IOException {
        String body = answer("/api/experiments?limit=1000", 200);
        List<ExperimentSummary> list = List.of(ResultsJson.strict().readValue(body, ExperimentSummary[].class));

        ExperimentSummary summary = list.stream().filter(e -> e.id().equals(grid.experimentId)).findFirst()
                .orElseThrow();
        assertEquals("planned", summary.status());
        assertEquals(6, summary.runs().total());
        assertEquals(4, summary.runs().completed());
        assertEquals(1, summary.runs().failed());
        assertEquals(1, summary.runs().running());
        // The fixture keeps the two experiments of this test, not whatever other tests stored.
        ArrayNode ours = ResultsJson.strict().createArrayNode();
        for (JsonNode experiment : ResultsJson.strict().readTree(body)) {
            if (Set.of(grid.experimentId, rejectedId).contains(experiment.path("id").asText())) {
                ours.add(experiment);
            }
        }
        assertEquals(2, ours.size());
        matchesFixture("experiment-list", ours.toString());
    }

    @Test
    void theComparisonReadsStrictly() throws IOException {
        String body = answer("/api/experiments/" + grid.experimentId + "/comparison", 200);
        ComparisonReport comparison = ResultsJson.strict().readValue(body, ComparisonReport.class);

        assertEquals(List.of(GridLineage.NAIVE, GridLineage.REMIX),
                comparison.methods().stream().map(m -> m.label()).toList());
        assertEquals(0.25, comparison.methods().get(0).retention().mean(), 1e-9);
        assertEquals(1, comparison.methods().get(0).failedRuns().size());
        assertEquals(GridLineage.FAILURE, comparison.methods().get(0).failedRuns().get(0).reason());
        assertEquals(0.35, comparison.versusNaive().get(0).retention().mean(), 1e-9);
        assertNotNull(comparison.cost());
        matchesFixture("comparison", body);
    }

    @Test
    void retentionAndLogitLensReadStrictly() throws IOException {
        String retention = answer("/api/experiments/" + grid.experimentId + "/retention", 200);
        RetentionReport report = ResultsJson.strict().readValue(retention, RetentionReport.class);
        assertEquals(6, report.runs().size());
        assertEquals(List.of("kvr:A", "kvr:B"), report.runs().get(0).datasets());
        matchesFixture("retention", retention);

        String lens = answer("/api/experiments/" + grid.experimentId + "/logit-lens", 200);
        LogitLensReport lenses = ResultsJson.strict().readValue(lens, LogitLensReport.class);
        assertEquals(2, lenses.methods().size());
        assertEquals(3, lenses.methods().get(0).cells().size());
        matchesFixture("logit-lens", lens);
    }

    @Test
    void errorsReadStrictly() throws IOException {
        String notFound = answer("/api/experiments/no-such-experiment", 404);
        ErrorResponse error = ResultsJson.strict().readValue(notFound, ErrorResponse.class);
        assertTrue(error.error().contains("no-such-experiment"), error.error());
        assertNull(error.violations());
        matchesFixture("error-not-found", notFound);

        String invalid = given().auth().oauth2(TestTokens.submitter()).contentType(ExperimentResource.YAML)
                .body(SyntheticLineage.SPEC_YAML.replace("split: A, size: 10", "split: A, size: 0")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/experiments").then().statusCode(400).extract().asString();
        ErrorResponse violations = ResultsJson.strict().readValue(invalid, ErrorResponse.class);
        assertTrue(violations.violations().stream().anyMatch(v -> v.field().equals("stages[0].dataset.size")),
                invalid);
        matchesFixture("error-invalid-spec", invalid);
    }

    private static RunLineage run(ExperimentLineage lineage, String label) {
        return lineage.runs().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static String answer(String path, int status) {
        return given().get(path).then().statusCode(status).extract().asString();
    }

    /**
     * Compares the answer's field paths with the fixture's; with {@code -Dmnemo.contract.write=true} writes the
     * answer as the new fixture instead.
     */
    private static void matchesFixture(String name, String body) throws IOException {
        Path file = FIXTURES.resolve(name + ".json");
        JsonNode answer = ResultsJson.strict().readTree(body);
        if (Boolean.getBoolean("mnemo.contract.write")) {
            Files.createDirectories(FIXTURES);
            ResultsJson.strict().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), answer);
            return;
        }
        assertTrue(Files.exists(file), file.toAbsolutePath() + " is missing: capture it with"
                + " -Dmnemo.contract.write=true");
        JsonNode fixture = ResultsJson.strict().readTree(file.toFile());
        assertEquals(paths(fixture), paths(answer), "the wire format of " + name + " differs from the committed "
                + "fixture " + file + ": capture it again (see ContractTest) and check that the CLI still reads it");
    }

    /** Every field path of a JSON tree, array positions left out ({@code runs[].stages[].progress.step}). */
    static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                // Free-form documents (the spec, manifests, settings, models) are events' contract, not this one.
                if (!Set.of("spec", "manifest", "settings", "model").contains(field.getKey())) {
                    collect(field.getValue(), path, paths);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }
}
