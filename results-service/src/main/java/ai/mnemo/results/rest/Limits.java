package ai.mnemo.results.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * Reads a {@code limit} query parameter by hand: JAX-RS answers an unconvertible query parameter with 404, but
 * {@code ?limit=ten} is a client mistake that deserves a 400 that says what to send instead.
 */
final class Limits {

    private Limits() {
    }

    static int parse(String text, int defaultLimit, int maxLimit) {
        if (text == null || text.isBlank()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit must be an integer between 1 and " + maxLimit + " (was '" + text
                    + "')");
        }
        if (limit < 1 || limit > maxLimit) {
            throw new BadRequestException("limit must be between 1 and " + maxLimit + " (was " + limit + ")");
        }
        return limit;
    }
}
