package ai.mnemo.results.messaging;

import ai.mnemo.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One handler per topic, every topic of v1 (commands included: a TrainingJob carries its stage's settings). Each
 * runs on a worker thread, in record order, and hands the payload to {@link EventIntake}, which never throws: a
 * bad record must not stop the channel. The transaction lives in the intake rather than on these methods, so a
 * conflict found at commit can still be retried there instead of failing the channel.
 */
@ApplicationScoped
public class TopicConsumers {

    private final EventIntake intake;

    public TopicConsumers(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming(Channels.EXPERIMENTS)
    @Blocking
    public void experiments(String payload) {
        intake.accept(Topics.EXPERIMENTS, payload);
    }

    @Incoming(Channels.RUNS)
    @Blocking
    public void runs(String payload) {
        intake.accept(Topics.RUNS, payload);
    }

    @Incoming(Channels.DATASETS)
    @Blocking
    public void datasets(String payload) {
        intake.accept(Topics.DATASETS, payload);
    }

    @Incoming(Channels.TRAINING_JOBS)
    @Blocking
    public void trainingJobs(String payload) {
        intake.accept(Topics.TRAINING_JOBS, payload);
    }

    @Incoming(Channels.TRAINING)
    @Blocking
    public void training(String payload) {
        intake.accept(Topics.TRAINING, payload);
    }

    @Incoming(Channels.EVAL_JOBS)
    @Blocking
    public void evalJobs(String payload) {
        intake.accept(Topics.EVAL_JOBS, payload);
    }

    @Incoming(Channels.EVAL)
    @Blocking
    public void eval(String payload) {
        intake.accept(Topics.EVAL, payload);
    }
}
