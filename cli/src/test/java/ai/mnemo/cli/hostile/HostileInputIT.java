package ai.mnemo.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RunLineage;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input against the real thing: the project's broker and the four packaged services as processes, as
 * {@code ./mnemo up} starts them. Every case asserts its specific refusal: REST (tokens, media types, encodings,
 * sizes, every costly field, hostile ids and paths), the CLI (bad files and targets: one line, a non-zero exit, no
 * stack trace) and raw records on every topic (dead-lettered with the reason, or ignored when of an unknown
 * type). At the end one valid experiment still completes and every service is healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private StackState stack;
    private Path dir;
    private DeadLetters deadLetters;

    @BeforeAll
    void startStack() throws Exception {
        dir = Files.createTempDirectory("mnemo-hostile");
        stack = new LocalStack(MnemoHome.current(), new PrintStream(System.out, true))
                .start(dir, Ports.free(), StackOptions.forThisMachine());
        deadLetters = new DeadLetters(stack.bootstrapServers());
    }

    @AfterAll
    void stopStack() {
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (stack != null) {
            LocalStack.stop(stack.processes());
        }
    }

    // ---- REST ------------------------------------------------------------------------------------------------

    Stream<RestCase> restCases() {
        return RestCases.all();
    }

    @Order(1)
    @ParameterizedTest(name = "REST {0}")
    @MethodSource("restCases")
    void restRefusesHostileRequests(RestCase c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.resultsUrl() + c.path()))
                .timeout(Duration.ofSeconds(30));
        String token = c.auth().token(LocalAuth.of(stack.dir()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        c.headers().forEach(request::header);
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
        assertTrue(response.body().contains(c.answer()), c.name() + ": expected '" + c.answer() + "' in "
                + response.body());
        RestCases.assertNothingInternal(response.body());
    }

    @Order(2)
    @Test
    void aRetriedPostWithItsIdempotencyKeyMakesOneExperiment() throws Exception {
        String token = LocalAuth.of(stack.dir()).token("ada");
        String key = UUID.randomUUID().toString();
        byte[] spec = RestCases.VALID_SPEC.replace("\"valid\"", "\"retried\"").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.resultsUrl() + "/api/experiments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(spec)).build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(first.body(), again.body(), "the retry gets the first answer");
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    // ---- CLI -------------------------------------------------------------------------------------------------

    Stream<CliCase> cliCases() {
        return CliCases.all();
    }

    @Order(3)
    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("cliCases")
    void theCliAnswersEveryBadInputInOneLine(CliCase c) throws Exception {
        CliCases.Result result = CliCases.run(c, dir, stack, LocalAuth.of(stack.dir()));
        assertEquals(c.exit(), result.exit(), c.name() + ": " + result.err());
        List<String> lines = result.err().lines().toList();
        assertFalse(lines.isEmpty(), c.name() + ": nothing said");
        assertTrue(lines.get(0).startsWith(c.firstLinePrefix()), c.name() + ": " + result.err());
        assertTrue(result.err().contains(c.says()), c.name() + ": expected '" + c.says() + "' in " + result.err());
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception in")),
                c.name() + " printed a stack trace: " + result.err());
    }

    // ---- Kafka -----------------------------------------------------------------------------------------------

    Stream<KafkaCase> kafkaCases() {
        return KafkaCases.all();
    }

    @Order(4)
    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("kafkaCases")
    void aHostileRecordIsDeadLetteredWithItsReasonOrIgnored(KafkaCase c) throws Exception {
        String key = "hostile-" + UUID.randomUUID();
        try (RawProducer producer = new RawProducer(stack.bootstrapServers())) {
            producer.send(c.topic(), key, c.value());
            // Same key, same partition, read after the case by every group: once the sentinel is dead-lettered
            // by a group, that group has dealt with the case.
            producer.send(c.topic(), key, ("sentinel " + key).getBytes(StandardCharsets.UTF_8));
        }
        List<DeadLetters.Letter> letters = deadLetters.await(key, c.topic(), c.groups() * 2 - (c.ignored()
                ? c.groups() : 0), Duration.ofSeconds(60));
        List<DeadLetters.Letter> ofCase = letters.stream().filter(l -> !l.isSentinel()).toList();
        if (c.ignored()) {
            assertTrue(ofCase.isEmpty(), c.name() + " should be ignored, was dead-lettered: " + ofCase);
        } else {
            assertEquals(c.groups(), ofCase.size(), c.name() + ": one dead letter per consumer group, got "
                    + letters);
            for (DeadLetters.Letter letter : ofCase) {
                assertTrue(letter.reason().contains(c.reason()), c.name() + ": reason '" + letter.reason()
                        + "' should contain '" + c.reason() + "'");
                assertEquals(c.topic(), letter.sourceTopic());
            }
        }
    }

    @Order(5)
    @Test
    void aSpecPublishedStraightToKafkaIsCheckedAtTheSameDoor() throws Exception {
        String experimentId = UUID.randomUUID().toString();
        try (RawProducer producer = new RawProducer(stack.bootstrapServers())) {
            producer.send(Topics.EXPERIMENTS, experimentId, KafkaCases.request(experimentId,
                    RestCases.VALID_SPEC.replace("\"size\": 8", "\"size\": 8, \"maxNewTokens\": 2147483647")));
        }
        ResultsClient results = new ResultsClient(stack.resultsUrl());
        ExperimentLineage experiment = awaitStatus(results, experimentId, "rejected", Duration.ofSeconds(60));
        assertEquals("stages[0].dataset.maxNewTokens", experiment.rejection().field(), experiment.toString());
        assertTrue(experiment.rejection().reason().contains("mnemo.limits.new-tokens"), experiment.toString());
    }

    // ---- and still it works ----------------------------------------------------------------------------------

    @Order(6)
    @Test
    void aValidExperimentStillCompletesAndEveryServiceIsHealthy() throws Exception {
        ResultsClient results = new ResultsClient(stack.resultsUrl());
        String experimentId = results.submit(RestCases.VALID_SPEC.getBytes(StandardCharsets.UTF_8),
                "application/json", LocalAuth.of(stack.dir()).token("grace"));
        // An event of a type this version does not know, for this very experiment: it changes nothing.
        try (RawProducer producer = new RawProducer(stack.bootstrapServers())) {
            producer.send(Topics.EXPERIMENTS, experimentId, ("{\"type\":\"ExperimentPaused\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"experimentId\":\""
                    + experimentId + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        ExperimentLineage experiment = awaitStatus(results, experimentId, "completed", Duration.ofMinutes(5));
        assertEquals("grace", experiment.submittedBy());
        for (RunLineage run : experiment.runs()) {
            assertEquals("completed", run.status(), run.toString());
        }
        for (int port : List.of(stack.ports().results(), stack.ports().data(), stack.ports().trainer(),
                stack.ports().eval())) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "port " + port + ": " + health.body());
            assertEquals("UP", EventCodec.json().readTree(health.body()).path("status").asText(), health.body());
        }
    }

    private static ExperimentLineage awaitStatus(ResultsClient results, String experimentId, String status,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExperimentLineage last = null;
        while (System.nanoTime() < deadline) {
            last = results.experiment(experimentId).orElse(null);
            if (last != null && status.equals(last.status())) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("experiment " + experimentId + " did not become " + status + ": " + last);
    }
}
