package ai.mnemo.results.rest;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;

/** Bearer tokens the test profile's key pair signs (src/test/resources/test-jwt), as the CLI signs the stack's. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A valid token for {@code user}. */
    public static String of(String user) {
        return Jwt.issuer("mnemo-local").audience("mnemo").upn(user).expiresIn(Duration.ofMinutes(10)).sign();
    }

    /** The test submitter's token. */
    public static String submitter() {
        return of("test-submitter");
    }
}
