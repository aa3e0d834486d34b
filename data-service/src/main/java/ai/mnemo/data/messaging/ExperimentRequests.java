package ai.mnemo.data.messaging;

import ai.mnemo.data.service.ExperimentIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Consumes {@code mnemo.experiments.v1}, one record at a time; nothing escapes, so the channel never stops. */
@ApplicationScoped
public class ExperimentRequests {

    private static final Logger LOG = Logger.getLogger(ExperimentRequests.class);

    private final ExperimentIntake intake;

    public ExperimentRequests(ExperimentIntake intake) {
        this.intake = intake;
    }

    @Incoming(Channels.EXPERIMENTS)
    @Blocking(ordered = true)
    public void consume(String payload) {
        try {
            intake.onPayload(payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "an experiments record could not be handled; skipping it");
        }
    }
}
