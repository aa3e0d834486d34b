package ai.mnemo.events.v1;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Fresh envelope values for the events' {@code of(...)} factories. */
final class Envelope {

    private Envelope() {
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** Millisecond precision: every consumer (Java, Postgres, a browser) keeps it exactly. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
