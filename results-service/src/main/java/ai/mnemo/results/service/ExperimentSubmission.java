package ai.mnemo.results.service;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.service.messaging.EventPublisher;
import ai.mnemo.service.spec.SpecDoor;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Turns a spec submitted over HTTP into an ExperimentRequested on the experiments topic. Everything is checked here
 * first (size, encoding, every rule of the spec under this deployment's limits and model root), so a person gets
 * every problem back at once instead of a rejection event later; the experiment's rows appear when this service
 * reads its own event back, like everyone else's.
 */
@ApplicationScoped
public class ExperimentSubmission {

    /** Kafka's default max.request.size less room for the record's key and headers. */
    static final int MAX_EVENT_BYTES = 1_000_000;

    private final EventPublisher publisher;
    private final SpecDoor door;
    private final SubmissionKeys keys;

    public ExperimentSubmission(EventPublisher publisher, SpecDoor door, SubmissionKeys keys) {
        this.publisher = publisher;
        this.door = door;
        this.keys = keys;
    }

    /** What a submission answered: the experiment, and whether this is the first answer or a retry's. */
    public record Accepted(String experimentId, boolean repeated) {
    }

    /**
     * @param body the spec, JSON or YAML, as UTF-8 bytes
     * @param submitter the authenticated identity
     * @param idempotencyKey the client's key for this request, or null
     * @throws SpecTooLargeException when the body or the event it makes is over its limit
     * @throws InvalidSpecException naming every offending field
     * @throws IdempotencyConflictException when the key was used before for another spec
     * @throws PublishFailedException when the broker did not acknowledge the request
     */
    public Accepted submit(byte[] body, String submitter, String idempotencyKey) {
        int limit = door.limits().specBytes();
        if (body.length > limit) {
            throw new SpecTooLargeException("the spec is " + body.length + " bytes; the limit is " + limit
                    + " bytes (mnemo.limits.spec-bytes)");
        }
        ExperimentSpec spec = ExperimentSpecs.parse(body);
        List<Violation> violations = door.check(spec);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        if (idempotencyKey == null) {
            return new Accepted(publish(UUID.randomUUID().toString(), spec, submitter), false);
        }
        SubmissionKeys.Claim claim = keys.claim(submitter, idempotencyKey, body, UUID.randomUUID().toString());
        if (!claim.fresh()) {
            return new Accepted(claim.experimentId(), true);
        }
        try {
            return new Accepted(publish(claim.experimentId(), spec, submitter), false);
        } catch (RuntimeException e) {
            keys.release(claim);
            throw e;
        }
    }

    private String publish(String experimentId, ExperimentSpec spec, String submitter) {
        ExperimentRequested request = ExperimentRequested.of(experimentId, spec, submitter);
        int bytes = EventCodec.encode(request).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EVENT_BYTES) {
            throw new SpecTooLargeException("the spec makes a " + bytes + "-byte event; Kafka takes at most "
                    + MAX_EVENT_BYTES + " bytes: write fewer or shorter entries");
        }
        try {
            publisher.publishOnce(request);
        } catch (IllegalStateException e) {
            throw new PublishFailedException("the experiment could not be handed to Kafka; check that the broker"
                    + " is up and submit again (with the same Idempotency-Key)", e);
        }
        return experimentId;
    }
}
