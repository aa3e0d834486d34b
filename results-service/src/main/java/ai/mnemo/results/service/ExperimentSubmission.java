package ai.mnemo.results.service;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.service.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Turns a spec submitted over HTTP into an ExperimentRequested on the experiments topic. The spec is parsed and
 * validated here first so a person gets every problem back at once instead of a rejection event later; the
 * experiment's rows appear when this service reads its own event back, like everyone else's.
 */
@ApplicationScoped
public class ExperimentSubmission {

    private final EventPublisher publisher;

    public ExperimentSubmission(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @param text the spec, JSON or YAML
     * @param submittedBy who asks; blank means unknown
     * @return the new experiment's id
     * @throws ai.mnemo.events.spec.InvalidSpecException naming every offending field
     * @throws PublishFailedException when the broker did not acknowledge the request
     */
    public String submit(String text, String submittedBy) {
        ExperimentSpec spec = ExperimentSpecs.requireValid(ExperimentSpecs.parse(text));
        String experimentId = UUID.randomUUID().toString();
        String who = submittedBy == null || submittedBy.isBlank() ? null : submittedBy.strip();
        try {
            publisher.publish(ExperimentRequested.of(experimentId, spec, who));
        } catch (IllegalStateException e) {
            throw new PublishFailedException("the experiment could not be handed to Kafka (" + e.getMessage()
                    + "); check that the broker is up and submit again", e);
        }
        return experimentId;
    }
}
