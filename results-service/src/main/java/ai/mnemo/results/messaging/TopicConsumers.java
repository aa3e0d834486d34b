package ai.mnemo.results.messaging;

import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.service.messaging.EventReader;
import ai.mnemo.service.messaging.EventReader.Disposition;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One handler per topic, every topic of v1 (commands included: a TrainingJob carries its stage's settings). Each
 * runs on a worker thread, in record order; {@link EventReader} decodes and dead-letters what cannot be read or
 * stored, {@link EventIntake} stores. The transaction lives in the intake rather than on these methods, so a
 * conflict found at commit can still be retried there instead of failing the channel.
 */
@ApplicationScoped
public class TopicConsumers {

    private final EventReader reader;
    private final EventIntake intake;

    public TopicConsumers(EventReader reader, EventIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Incoming(Channels.EXPERIMENTS)
    @Blocking
    public CompletionStage<Void> experiments(Message<byte[]> record) {
        return store(record, Topics.EXPERIMENTS);
    }

    @Incoming(Channels.RUNS)
    @Blocking
    public CompletionStage<Void> runs(Message<byte[]> record) {
        return store(record, Topics.RUNS);
    }

    @Incoming(Channels.DATASETS)
    @Blocking
    public CompletionStage<Void> datasets(Message<byte[]> record) {
        return store(record, Topics.DATASETS);
    }

    @Incoming(Channels.TRAINING_JOBS)
    @Blocking
    public CompletionStage<Void> trainingJobs(Message<byte[]> record) {
        return store(record, Topics.TRAINING_JOBS);
    }

    @Incoming(Channels.TRAINING)
    @Blocking
    public CompletionStage<Void> training(Message<byte[]> record) {
        return store(record, Topics.TRAINING);
    }

    @Incoming(Channels.EVAL_JOBS)
    @Blocking
    public CompletionStage<Void> evalJobs(Message<byte[]> record) {
        return store(record, Topics.EVAL_JOBS);
    }

    @Incoming(Channels.EVAL)
    @Blocking
    public CompletionStage<Void> eval(Message<byte[]> record) {
        return store(record, Topics.EVAL);
    }

    private CompletionStage<Void> store(Message<byte[]> record, String topic) {
        return reader.<MnemoEvent>handle(record, topic, event -> {
            try {
                intake.accept(topic, event);
                return Disposition.DONE;
            } catch (ShuttingDownException e) {
                return Disposition.REDELIVER;
            }
        }, unreadable -> { });
    }
}
