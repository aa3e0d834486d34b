package ai.mnemo.results.service;

import java.time.Instant;

/** "First seen" timestamps keep the earliest value, so they do not depend on the order events are read in. */
final class Times {

    private Times() {
    }

    /** The earlier of the two; either may be null. */
    static Instant earliest(Instant current, Instant candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate != null && candidate.isBefore(current) ? candidate : current;
    }
}
