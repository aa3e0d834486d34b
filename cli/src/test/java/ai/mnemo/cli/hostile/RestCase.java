package ai.mnemo.cli.hostile;

import ai.mnemo.cli.stack.LocalAuth;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** One hostile HTTP request and the refusal it must get: the status and a fragment of the JSON body. */
record RestCase(String name, String method, String path, Map<String, String> headers, byte[] body, Auth auth,
        int status, String answer) {

    @Override
    public String toString() {
        return name;
    }

    /** Which bearer token the request carries. */
    enum Auth {
        NONE, VALID, EXPIRED, FOREIGN_KEY, WRONG_ISSUER, GARBAGE;

        String token(LocalAuth stack) throws Exception {
            return switch (this) {
                case NONE -> null;
                case VALID -> stack.token("hostile-suite");
                case EXPIRED -> stack.token("hostile-suite", Duration.ofMinutes(-10));
                case FOREIGN_KEY -> signed("mnemo-local", true);
                case WRONG_ISSUER -> signed("someone-else", false);
                case GARBAGE -> "eyJhbGciOiJub25lIn0.eyJ1cG4iOiJldmUifQ.";
            };
        }

        /** A well-formed token the stack did not sign (another key), or signed by nobody it trusts. */
        private static String signed(String issuer, boolean foreignKey) throws Exception {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(LocalAuth.AUDIENCE);
            claims.setClaim("upn", "eve");
            claims.setExpirationTimeMinutesInTheFuture(10);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            jws.setKey(generator.generateKeyPair().getPrivate());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        }
    }
}
