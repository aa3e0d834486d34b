package ai.mnemo.results.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy on a free local port in front of the service under test, so the browser loads the real page
 * from one origin while chosen requests fail: a path answers with a given status and body, or the connection is
 * closed without an answer (what a browser sees when the service goes away). Everything else is passed through
 * with its status, type and Content-Security-Policy.
 */
final class FaultyApiProxy implements AutoCloseable {

    /** What a failing path does. */
    sealed interface Fault {
    }

    /** Answer with this status, content type and body. */
    record Answer(int status, String contentType, String body) implements Fault {
    }

    /** Close the connection without a response. */
    record Drop() implements Fault {
    }

    private static final List<String> PASSED_HEADERS = List.of("Content-Type", "Content-Security-Policy",
            "Cache-Control");

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    /** The browser fetches in parallel. */
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    FaultyApiProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The proxy's address, {@code http://127.0.0.1:<port>/}. */
    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** From now on, a GET of exactly this path (without query) fails this way. */
    FaultyApiProxy fail(String path, Fault fault) {
        faults.put(path, fault);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Fault fault = faults.get(exchange.getRequestURI().getPath());
            if (fault instanceof Drop) {
                return; // closing the exchange before any header closes the connection
            }
            if (fault instanceof Answer answer) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                send(exchange, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                            upstream.resolve(exchange.getRequestURI().getRawPath()
                                    + (exchange.getRequestURI().getRawQuery() == null ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery())))
                    .header("Accept", exchange.getRequestHeaders().getFirst("Accept") == null ? "*/*"
                            : exchange.getRequestHeaders().getFirst("Accept"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String name : PASSED_HEADERS) {
                response.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().set(name, v));
            }
            send(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
