package ai.mnemo.results.service;

import ai.mnemo.results.persistence.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys of submissions: the first request with a key claims it for a new experiment id, before that
 * experiment is published; a retry with the same key and body gets the same id back. A claim whose publish failed
 * is released, so the retry publishes again.
 */
@ApplicationScoped
public class SubmissionKeys {

    /** The outcome of a claim: a fresh id to publish, or the id an earlier request with this key got. */
    public record Claim(String scope, String experimentId, boolean fresh) {
    }

    public Claim claim(String submitter, String key, byte[] body, String newExperimentId) {
        String scope = sha256((submitter + '\0' + key).getBytes(StandardCharsets.UTF_8));
        String bodyHash = sha256(body);
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Submission earlier = Submission.findById(scope);
                    if (earlier == null) {
                        Submission.of(scope, submitter, bodyHash, newExperimentId).persistAndFlush();
                        return new Claim(scope, newExperimentId, true);
                    }
                    if (!earlier.bodySha256.equals(bodyHash)) {
                        throw new IdempotencyConflictException("Idempotency-Key '" + key + "' was used for another"
                                + " spec (experiment " + earlier.experimentId + "); use a new key for a new spec");
                    }
                    return new Claim(scope, earlier.experimentId, false);
                });
            } catch (IdempotencyConflictException e) {
                throw e;
            } catch (RuntimeException e) {
                // Two requests with the same key at once: one insert loses on the primary key; read the winner.
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> Submission.deleteById(claim.scope()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
