package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.TrainingEvent;

/**
 * Where the trainer's events go. In the service it is the broker (EventPublisher); in unit tests a list. Keeping
 * the training flow behind this port lets it be tested without Kafka.
 */
public interface TrainingEventSink {

    /** Sends and waits until the event is safely stored (start and outcome events). */
    void publish(TrainingEvent event);

    /** Sends without waiting (progress events, which may be lost on a crash). */
    void send(TrainingEvent event);
}
