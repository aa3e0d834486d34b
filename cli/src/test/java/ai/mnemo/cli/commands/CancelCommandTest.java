package ai.mnemo.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.CliRun;
import ai.mnemo.cli.OneLineErrors;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mnemo cancel} against a stand-in results-service: the request it sends, and how each answer ends. */
class CancelCommandTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            JsonResponse.send(exchange, status, body);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsAnAuthenticatedDeleteForTheId() {
        answer(202, "{\"experimentId\": \"e 1\"}");
        CliRun result = CliRun.of("cancel", "e 1", "--url", url(), "--token", "t0k");

        assertEquals(0, result.code(), result.err());
        assertEquals(List.of("DELETE /api/experiments/e%201 Bearer t0k"), requests);
        assertTrue(result.out().contains("cancelling e 1"), result.out());
    }

    @Test
    void anEndedExperimentIsRefusedInOneLine() {
        answer(409, "{\"error\": \"experiment e has already ended (completed); there is nothing to cancel\"}");
        CliRun result = CliRun.of("cancel", "e", "--url", url(), "--token", "t");

        assertEquals(OneLineErrors.REJECTED, result.code());
        assertEquals("mnemo: results-service refused the cancel (HTTP 409): experiment e has already ended"
                + " (completed); there is nothing to cancel", result.err().strip());
    }

    @Test
    void anUnknownIdIsBadInputAndABadTokenAFailure() {
        answer(404, "{\"error\": \"no experiment with id 'x'\"}");
        assertEquals(OneLineErrors.INVALID_INPUT, CliRun.of("cancel", "x", "--url", url(), "--token", "t").code());
        answer(401, "{\"error\": \"authentication required\"}");
        assertEquals(OneLineErrors.FAILED, CliRun.of("cancel", "x", "--url", url(), "--token", "t").code());
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
