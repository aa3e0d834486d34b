package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.TrainingEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events a StageTrainer emits, for tests that run it without a broker. */
final class RecordingSink implements TrainingEventSink {

    final List<TrainingEvent> published = new CopyOnWriteArrayList<>();
    final List<TrainingEvent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void publish(TrainingEvent event) {
        published.add(event);
    }

    @Override
    public void send(TrainingEvent event) {
        sent.add(event);
    }

    <T extends TrainingEvent> List<T> all(Class<T> type) {
        return java.util.stream.Stream.concat(published.stream(), sent.stream()).filter(type::isInstance)
                .map(type::cast).toList();
    }

    void clear() {
        published.clear();
        sent.clear();
    }
}
