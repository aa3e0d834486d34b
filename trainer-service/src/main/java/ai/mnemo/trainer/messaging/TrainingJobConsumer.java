package ai.mnemo.trainer.messaging;

import ai.mnemo.trainer.service.TrainingJobHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The trainer fleet's intake: one TrainingJob at a time from {@code mnemo.training.jobs.v1} (group
 * {@code mnemo-trainers}, one record per poll, throttled commits). A record is acknowledged once its outcome is
 * on the broker; a job interrupted by shutdown is not, so the group delivers it again and it resumes.
 */
@ApplicationScoped
public class TrainingJobConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "training-jobs";

    private final TrainingJobHandler handler;

    public TrainingJobConsumer(TrainingJobHandler handler) {
        this.handler = handler;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> record) {
        if (handler.handle(record.getPayload()) == TrainingJobHandler.Disposition.DONE) {
            return record.ack();
        }
        return CompletableFuture.completedFuture(null);
    }
}
