package ai.mnemo.results.api;

/** The answer to a submitted spec: the id to follow it by (GET /api/experiments/{experimentId}). */
public record ExperimentAccepted(String experimentId) {
}
