package ai.mnemo.results.rest;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import ai.mnemo.events.spec.PrintableText;

/**
 * The submitter stored with an experiment: the authenticated identity's name (a JWT's upn, preferred_username or
 * sub), never a header the client chooses. A name that cannot be stored as it is (unprintable, longer than its
 * column) is refused rather than altered.
 */
final class Submitters {

    private Submitters() {
    }

    static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException("a bearer token is required");
        }
        String name = identity.getPrincipal().getName();
        if (name == null || name.isBlank() || name.length() > Ids.MAX_LENGTH || !PrintableText.isPrintable(name)) {
            throw new UnauthorizedException("the token's identity is not a printable name of at most "
                    + Ids.MAX_LENGTH + " characters");
        }
        return name;
    }
}
