package ai.mnemo.results.service;

/** An Idempotency-Key used again for a different spec: the client's mistake, and not a retry. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
