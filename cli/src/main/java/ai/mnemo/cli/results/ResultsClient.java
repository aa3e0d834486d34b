package ai.mnemo.cli.results;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.Set;
import java.util.UUID;

/** Reads experiments from results-service's REST API. */
public final class ResultsClient {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "rejected", "cancelled");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ResultsClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Submits a spec (JSON or YAML bytes) with a bearer token; a retry after a lost answer reuses the same
     * Idempotency-Key, so it never makes a second experiment.
     *
     * @return the experiment's id
     * @throws SubmissionRefusedException with results-service's reason on a 4xx
     * @throws IllegalStateException when results-service cannot be reached or keeps failing
     */
    public String submit(byte[] spec, String contentType, String token) {
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/experiments"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(spec))
                .build();
        return accepted(request, SubmissionRefusedException::of).path("experimentId").asText();
    }

    /**
     * Cancels an experiment ({@code DELETE /api/experiments/{id}}); cancelling a cancelled one succeeds again, so a
     * retry after a lost answer is safe.
     *
     * @throws CancelRefusedException with results-service's reason on a 4xx (unknown id, ended, bad token)
     * @throws IllegalStateException when results-service cannot be reached or keeps failing
     */
    public void cancel(String experimentId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/experiments/"
                        + URLEncoder.encode(experimentId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build();
        accepted(request, (status, body) -> new CancelRefusedException(status, body.path("error").asText("HTTP "
                + status)));
    }

    /**
     * Sends a write and returns the body of its 202; a 4xx is the client's mistake and becomes {@code refused}, a
     * 5xx or an unreachable service is tried three times (the writes are idempotent).
     */
    private JsonNode accepted(HttpRequest request, BiFunction<Integer, JsonNode, RuntimeException> refused) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = readBody(response.body());
                if (response.statusCode() == 202) {
                    return body;
                }
                if (response.statusCode() >= 400 && response.statusCode() < 500) {
                    throw refused.apply(response.statusCode(), body);
                }
                if (attempt >= 3) {
                    throw new IllegalStateException("results-service answered " + response.statusCode() + ": "
                            + body.path("error").asText(response.body()));
                }
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException("cannot reach results-service at " + baseUrl + ": "
                            + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(attempt);
        }
    }

    private static JsonNode readBody(String body) {
        try {
            return EventCodec.json().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return EventCodec.json().createObjectNode();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(1000L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The experiment's lineage, or empty when results-service does not know it (404). */
    public Optional<JsonNode> experiment(String experimentId) {
        return get("/api/experiments/" + experimentId);
    }

    /** Per method, over seeds: retention, forgetting, last-stage accuracy, steps. */
    public Optional<JsonNode> comparison(String experimentId) {
        return get("/api/experiments/" + experimentId + "/comparison");
    }

    /** Per method, over seeds: the logit lens of every checkpoint on every dataset. */
    public Optional<JsonNode> logitLens(String experimentId) {
        return get("/api/experiments/" + experimentId + "/logit-lens");
    }

    /** Waits until results-service has stored the experiment's end (every run finished). */
    public boolean awaitFinished(String experimentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Optional<JsonNode> experiment = experiment(experimentId);
                if (experiment.isPresent() && FINISHED.contains(experiment.get().path("status").asText())) {
                    return true;
                }
            } catch (IllegalStateException notReachableYet) {
                // try again until the deadline
            }
            Thread.sleep(500);
        }
        return false;
    }

    private Optional<JsonNode> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("results-service answered " + response.statusCode() + " for "
                        + path + ": " + response.body());
            }
            return Optional.of(EventCodec.json().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach results-service at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
