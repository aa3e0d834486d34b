package ai.mnemo.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's bearer tokens. The stack keeps an RSA key pair under {@code <stack>/auth}: results-service
 * verifies with the public half, and the CLI signs a short-lived token with the private half (readable by this
 * user only) for each write, so the README's commands need no login yet nobody else on the machine can submit.
 */
public final class LocalAuth {

    public static final String ISSUER = "mnemo-local";
    public static final String AUDIENCE = "mnemo";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final Path dir;

    private LocalAuth(Path dir) {
        this.dir = dir;
    }

    public static LocalAuth of(Path stackDir) {
        return new LocalAuth(stackDir.resolve("auth"));
    }

    /** The public key's file, written with its private half on first use. */
    public Path publicKey() {
        Path file = dir.resolve("public.pem");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(privateKeyFile())) {
            generate();
        }
        return file;
    }

    /** Whether this stack has a key pair to sign with. */
    public boolean exists() {
        return Files.isRegularFile(privateKeyFile());
    }

    /** A token for whoever runs this CLI, valid for an hour. */
    public String tokenForThisUser() {
        return token(System.getProperty("user.name"));
    }

    /** A token for {@code user}, valid for an hour. */
    public String token(String user) {
        return token(user, LIFETIME);
    }

    /** A token for {@code user} that expires after {@code lifetime} (negative: already expired, for tests). */
    public String token(String user, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(Instant.now().getEpochSecond(),
                Instant.now().plus(lifetime).getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plus(lifetime).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    private Path privateKeyFile() {
        return dir.resolve("private.pem");
    }

    private PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stack's signing key is unreadable: " + e.getMessage(), e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateTmp = dir.resolve("private.pem.tmp");
            Files.deleteIfExists(privateTmp);
            Files.createFile(privateTmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
            Files.writeString(privateTmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.move(privateTmp, privateKeyFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Path publicTmp = dir.resolve("public.pem.tmp");
            Files.writeString(publicTmp, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(publicTmp, dir.resolve("public.pem"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's key pair under " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no RSA key generator", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
