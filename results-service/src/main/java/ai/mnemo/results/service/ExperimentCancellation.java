package ai.mnemo.results.service;

import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.results.persistence.ExperimentStatus;
import ai.mnemo.service.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/**
 * Turns a cancel asked over HTTP into an ExperimentCancelled. The experiment's row changes when this service reads
 * its own event back, like every other change; asking again is answered the same way and publishes again only while
 * the first event has not been read (a duplicate ExperimentCancelled changes nothing anywhere).
 */
@ApplicationScoped
public class ExperimentCancellation {

    private final EventPublisher publisher;
    private final ExperimentStatuses statuses;

    public ExperimentCancellation(EventPublisher publisher, ExperimentStatuses statuses) {
        this.publisher = publisher;
        this.statuses = statuses;
    }

    /**
     * @throws NotFoundException when no experiment has this id (yet)
     * @throws ClientErrorException 409 when it ended before (completed, failed or rejected)
     * @throws PublishFailedException when the broker did not take the event
     */
    public void cancel(String experimentId, String cancelledBy) {
        ExperimentStatus status = statuses.of(experimentId)
                .orElseThrow(() -> new NotFoundException("no experiment with id '" + experimentId + "'"));
        if (status == ExperimentStatus.CANCELLED) {
            return;
        }
        if (status.ended()) {
            throw new ClientErrorException("experiment " + experimentId + " has already ended ("
                    + status.wire() + "); there is nothing to cancel", Response.Status.CONFLICT);
        }
        try {
            publisher.publishOnce(ExperimentCancelled.of(experimentId, cancelledBy));
        } catch (IllegalStateException e) {
            throw new PublishFailedException("the cancellation could not be handed to Kafka; check that the broker"
                    + " is up and cancel again", e);
        }
    }
}
