package ai.mnemo.results.rest;

import ai.mnemo.events.spec.PrintableText;
import jakarta.ws.rs.BadRequestException;

/**
 * Checks an id taken from a path before it reaches the database. Any well-formed id is looked up (an unknown one
 * is a 404), but some strings cannot even be a key: PostgreSQL refuses a NUL character with an error that would
 * surface as a 500, no stored id is longer than its column, and none has an unprintable character. Those are the
 * client's mistake: 400.
 */
final class Ids {

    /** The width of every id column (varchar(255)). */
    static final int MAX_LENGTH = 255;

    private Ids() {
    }

    static String check(String kind, String id) {
        if (id == null || id.isBlank()) {
            throw new BadRequestException(kind + " must not be blank");
        }
        if (id.length() > MAX_LENGTH) {
            throw new BadRequestException(kind + " must be at most " + MAX_LENGTH + " characters (was "
                    + id.length() + ")");
        }
        if (!PrintableText.isPrintable(id)) {
            throw new BadRequestException(kind + " must contain printable characters only");
        }
        return id;
    }
}
