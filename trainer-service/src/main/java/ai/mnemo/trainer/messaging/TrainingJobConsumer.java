package ai.mnemo.trainer.messaging;

import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.service.messaging.EventReader;
import ai.mnemo.trainer.service.TrainingJobHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The trainer fleet's intake: one TrainingJob at a time from {@code mnemo.training.jobs.v1} (group
 * {@code mnemo-trainers}, one record per poll, throttled commits). A record is acknowledged once its outcome is
 * on the broker; a job interrupted by shutdown is not, so the group delivers it again and it resumes. An unreadable
 * record names no run to fail: it goes to the dead-letter topic.
 */
@ApplicationScoped
public class TrainingJobConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "training-jobs";

    private final EventReader reader;
    private final TrainingJobHandler handler;

    public TrainingJobConsumer(EventReader reader, TrainingJobHandler handler) {
        this.reader = reader;
        this.handler = handler;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return reader.<TrainingCommand>handle(record, Topics.TRAINING_JOBS, handler::handle, unreadable -> { });
    }
}
