package ai.mnemo.results.rest;

/** The answer to a submitted spec: the id to follow it by (GET /api/experiments/{experimentId}). */
public record ExperimentAccepted(String experimentId) {
}
