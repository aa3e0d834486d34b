package ai.mnemo.service.messaging;

import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.ExperimentEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Learns cancelled experiments from {@code mnemo.experiments.v1}. Every instance must see every cancellation, so
 * the channel has a consumer group of its own per boot (application.properties), read from the topic's start and
 * never committed. It is not blocking: the jobs channel's worker thread is busy with a job while this one reads.
 * Only the services that run jobs (trainer, eval) listen: they set the build property {@code mnemo.cancellations.listen}.
 */
@ApplicationScoped
@IfBuildProperty(name = "mnemo.cancellations.listen", stringValue = "true")
public class CancellationConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "cancellations";

    private final EventReader reader;
    private final Cancellations cancellations;

    public CancellationConsumer(EventReader reader, Cancellations cancellations) {
        this.reader = reader;
        this.cancellations = cancellations;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return reader.<ExperimentEvent>read(record, Topics.EXPERIMENTS, cancellations::onEvent);
    }
}
