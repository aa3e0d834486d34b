package ai.mnemo.data.messaging;

import ai.mnemo.data.service.ExperimentIntake;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.service.messaging.EventReader;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes {@code mnemo.experiments.v1}, one record at a time; an unreadable request is answered, then dead-lettered. */
@ApplicationScoped
public class ExperimentRequests {

    private final EventReader reader;
    private final ExperimentIntake intake;

    public ExperimentRequests(EventReader reader, ExperimentIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Incoming(Channels.EXPERIMENTS)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return reader.<ExperimentEvent>read(record, Topics.EXPERIMENTS, intake::onEvent,
                unreadable -> intake.onUnreadable(unreadable.text(), unreadable.error()));
    }
}
