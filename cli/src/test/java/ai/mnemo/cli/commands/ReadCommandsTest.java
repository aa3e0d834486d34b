package ai.mnemo.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.CliRun;
import ai.mnemo.cli.OneLineErrors;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.ResultsJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * list, results and submit --wait/--follow against a stand-in results-service that answers with the contract's
 * fixtures (what a real one sent), and every way reading can go wrong, each in one line with its exit code.
 */
class ReadCommandsTest {

    private static final Path FIXTURES = Path.of("..", "results-api", "src", "test", "resources", "contract");
    private static final String SPEC = """
            {"name": "valid", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "split": "A", "size": 8}}],
             "training": {"learningRate": 0.003, "batchSize": 8, "stopping": {"rule": "memorized", "epochs": 150}},
             "grid": {"methods": [{"name": "naive"}]}}""";

    private HttpServer server;
    /** Answers by method and path; the last answer of a path repeats. */
    private final Map<String, Deque<String[]>> answers = new ConcurrentHashMap<>();
    private String lineage;
    private String id;

    @BeforeEach
    void start() throws IOException {
        lineage = fixture("experiment-lineage");
        id = ResultsJson.strict().readTree(lineage).path("id").asText();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            Deque<String[]> queue = answers.get(key);
            String[] answer = queue == null ? new String[] {"404", "{\"error\": \"no " + key + "\"}"}
                    : queue.size() > 1 ? queue.poll() : queue.peek();
            JsonResponse.send(exchange, Integer.parseInt(answer[0]), answer[1]);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void resultsPrintsTheTablesOrTheLineageAsJson() throws IOException {
        answer("GET /api/experiments/" + id, 200, lineage);
        answer("GET /api/experiments/" + id + "/comparison", 200, fixture("comparison"));

        CliRun table = CliRun.of("results", id, "--url", url());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("naive/seed2 failed: stage 1 did not memorize"), table.out());
        assertTrue(table.out().contains("retention vs naive"), table.out());

        CliRun json = CliRun.of("results", id, "--url", url(), "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(id, ResultsJson.strict().readValue(json.out(), ExperimentLineage.class).id());
    }

    @Test
    void listPrintsATableOrJson() throws IOException {
        answer("GET /api/experiments?limit=5", 200, fixture("experiment-list"));

        CliRun table = CliRun.of("list", "--limit", "5", "--url", url());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(id) && l.contains("planned")), table.out());

        CliRun json = CliRun.of("list", "--limit", "5", "--url", url(), "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(2, ResultsJson.strict().readValue(json.out(), ExperimentSummary[].class).length);
        assertEquals(OneLineErrors.INVALID_INPUT, CliRun.of("list", "--limit", "0", "--url", url()).code());
    }

    @Test
    void anUnknownIdIsBadInputInOneLine() {
        CliRun result = CliRun.of("results", "nope", "--url", url());
        assertEquals(OneLineErrors.INVALID_INPUT, result.code(), result.err());
        assertOneLine(result, "does not know experiment nope");
    }

    @Test
    void anAnswerThatIsNotTheContractIsOneLine() {
        answer("GET /api/experiments/x", 200, "<html>a proxy's login page</html>");
        CliRun result = CliRun.of("results", "x", "--url", url());
        assertEquals(OneLineErrors.FAILED, result.code(), result.err());
        assertOneLine(result, "that this CLI cannot read");

        answer("GET /api/experiments/y", 500, "<html>oops</html>");
        CliRun failing = CliRun.of("results", "y", "--url", url());
        assertEquals(OneLineErrors.FAILED, failing.code(), failing.err());
        assertOneLine(failing, "answered 500");
    }

    @Test
    void anUnreachableServiceIsOneLine() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String[] args : new String[][] {{"results", "x"}, {"list"}}) {
            String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--url", "http://127.0.0.1:" + closed)).toArray(String[]::new);
            CliRun result = CliRun.of(withUrl);
            assertEquals(OneLineErrors.UNREACHABLE, result.code(), result.err());
            assertOneLine(result, "cannot reach results-service");
        }
    }

    @Test
    void submitWaitExitsByHowTheExperimentEnded(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC);
        answer("POST /api/experiments", 202, "{\"experimentId\": \"" + id + "\"}");
        String ended = lineage.replace("\"status\" : \"planned\"", "\"status\" : \"%s\"");
        String[] submit = {"submit", spec.toString(), "--url", url(), "--token", "t", "--poll", "PT0.05S"};

        for (Map.Entry<String, Integer> end : Map.of("completed", 0, "failed", OneLineErrors.FAILED, "cancelled",
                OneLineErrors.CANCELLED).entrySet()) {
            // not known yet, then running, then ended
            answers.remove("GET /api/experiments/" + id);
            answer("GET /api/experiments/" + id, 404, "{\"error\": \"no experiment\"}");
            answer("GET /api/experiments/" + id, 200, lineage);
            answer("GET /api/experiments/" + id, 200, ended.formatted(end.getKey()));
            answer("GET /api/experiments/" + id + "/comparison", 200, fixture("comparison"));
            String[] args = java.util.Arrays.copyOf(submit, submit.length + 1);
            args[submit.length] = end.getKey().equals("completed") ? "--follow" : "--wait";

            CliRun result = CliRun.of(args);

            assertEquals(end.getValue(), result.code(), end.getKey() + ": " + result.err());
            assertTrue(result.out().startsWith(id + "\n"), "the id first: " + result.out());
            assertTrue(result.out().contains("): " + end.getKey() + "\n"), result.out());
            assertTrue(result.out().contains("retention D_A"), "the table: " + result.out());
        }
    }

    @Test
    void submitWaitOfARejectedExperimentSaysWhyAndExitsRejected(@TempDir Path dir) throws IOException {
        String rejected = fixture("experiment-rejected");
        String rejectedId = ResultsJson.strict().readTree(rejected).path("id").asText();
        answer("POST /api/experiments", 202, "{\"experimentId\": \"" + rejectedId + "\"}");
        answer("GET /api/experiments/" + rejectedId, 200, rejected);

        CliRun result = CliRun.of("submit", Files.writeString(dir.resolve("s.json"), SPEC).toString(), "--url", url(),
                "--token", "t", "--wait", "--poll", "PT0.05S");

        assertEquals(OneLineErrors.REJECTED, result.code(), result.err());
        assertTrue(result.out().contains("rejected: stages[1].dataset.size is larger than the pool"), result.out());
    }

    private void assertOneLine(CliRun result, String says) {
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("mnemo: ") && result.err().contains(says), result.err());
    }

    private void answer(String key, int status, String body) {
        answers.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new String[] {Integer.toString(status), body});
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name + ".json"));
    }
}
