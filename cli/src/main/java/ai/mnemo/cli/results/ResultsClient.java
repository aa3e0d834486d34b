package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ErrorResponse;
import ai.mnemo.results.api.ExperimentAccepted;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.LogitLensReport;
import ai.mnemo.results.api.ResultsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads experiments from results-service's REST API into the results-api records (the contract both sides' tests
 * hold to), and sends its writes (submit, cancel).
 */
public final class ResultsClient {

    /** An experiment in one of these has ended: nothing more happens to it. */
    public static final Set<String> FINISHED = Set.of("completed", "failed", "rejected", "cancelled");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ResultsClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
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
        return read(accepted(request, SubmissionRefusedException::of), ExperimentAccepted.class, "/api/experiments")
                .experimentId();
    }

    /**
     * Cancels an experiment ({@code DELETE /api/experiments/{id}}); cancelling a cancelled one succeeds again, so a
     * retry after a lost answer is safe.
     *
     * @throws CancelRefusedException with results-service's reason on a 4xx (unknown id, ended, bad token)
     * @throws IllegalStateException when results-service cannot be reached or keeps failing
     */
    public void cancel(String experimentId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/experiments/" + segment(experimentId)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build();
        accepted(request, (status, error) -> new CancelRefusedException(status, error.error()));
    }

    /** The newest experiments first, with their runs counted by status. */
    public List<ExperimentSummary> experiments(int limit) {
        String path = "/api/experiments?limit=" + limit;
        return List.of(get(path, ExperimentSummary[].class)
                .orElseThrow(() -> new IllegalStateException("results-service at " + baseUrl + " has no " + path)));
    }

    /** The experiment's lineage, or empty when results-service does not know it (404). */
    public Optional<ExperimentLineage> experiment(String experimentId) {
        return get("/api/experiments/" + segment(experimentId), ExperimentLineage.class);
    }

    /** Per method, over seeds: retention, forgetting, last-stage accuracy, steps, cost. */
    public Optional<ComparisonReport> comparison(String experimentId) {
        return get("/api/experiments/" + segment(experimentId) + "/comparison", ComparisonReport.class);
    }

    /** Per method, over seeds: the logit lens of every checkpoint on every dataset. */
    public Optional<LogitLensReport> logitLens(String experimentId) {
        return get("/api/experiments/" + segment(experimentId) + "/logit-lens", LogitLensReport.class);
    }

    /** Waits until results-service has stored the experiment's end (every run finished). */
    public boolean awaitFinished(String experimentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Optional<ExperimentLineage> experiment = experiment(experimentId);
                if (experiment.isPresent() && FINISHED.contains(experiment.get().status())) {
                    return true;
                }
            } catch (IllegalStateException notReachableYet) {
                // try again until the deadline
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Sends a write and returns the body of its 202; a 4xx is the client's mistake and becomes {@code refused}, a
     * 5xx or an unreachable service is tried three times (the writes are idempotent).
     */
    private String accepted(HttpRequest request, BiFunction<Integer, ErrorResponse, RuntimeException> refused) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return response.body();
                }
                ErrorResponse error = error(response);
                if (response.statusCode() >= 400 && response.statusCode() < 500) {
                    throw refused.apply(response.statusCode(), error);
                }
                if (attempt >= 3) {
                    throw new IllegalStateException("results-service answered " + response.statusCode() + ": "
                            + error.error());
                }
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw unreachable(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(attempt);
        }
    }

    private <T> Optional<T> get(String path, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("results-service answered " + response.statusCode() + " for " + path
                    + ": " + error(response).error());
        }
        return Optional.of(read(response.body(), type, path));
    }

    /** An answer in the contract's shape, read tolerantly (a newer server may add fields). */
    private <T> T read(String body, Class<T> type, String path) {
        try {
            T value = ResultsJson.tolerant().readValue(body, type);
            if (value == null) {
                throw new IllegalStateException("results-service at " + baseUrl + " answered " + path
                        + " with nothing: is it results-service?");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results-service at " + baseUrl + " sent an answer to " + path
                    + " that this CLI cannot read (" + e.getOriginalMessage() + "): is --url results-service, and"
                    + " of a version this CLI knows?", e);
        }
    }

    /** The error body's reason, or the status and the start of whatever came instead of an ErrorResponse. */
    private static ErrorResponse error(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        try {
            ErrorResponse error = ResultsJson.tolerant().readValue(body, ErrorResponse.class);
            if (error != null && error.error() != null) {
                return error;
            }
        } catch (IOException notAnErrorResponse) {
            // a proxy's page, or nothing: say what came
        }
        String start = body.strip().lines().findFirst().orElse("");
        return ErrorResponse.of("HTTP " + response.statusCode() + (start.isEmpty() ? ""
                : ": " + (start.length() > 120 ? start.substring(0, 120) + "..." : start)));
    }

    private IllegalStateException unreachable(IOException e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new IllegalStateException("cannot reach results-service at " + baseUrl + ": " + reason, e);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(1000L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
