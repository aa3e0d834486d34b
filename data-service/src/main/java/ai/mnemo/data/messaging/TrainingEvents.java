package ai.mnemo.data.messaging;

import ai.mnemo.data.service.RunConductor;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.service.messaging.EventReader;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code mnemo.training.v1}: a completed stage moves its run on, a failed one ends it, and a start or
 * progress tells the watchdog the stage is alive. Nothing escapes: a handler that breaks ends the run with RunFailed instead.
 */
@ApplicationScoped
public class TrainingEvents {

    private final EventReader reader;
    private final RunConductor conductor;

    public TrainingEvents(EventReader reader, RunConductor conductor) {
        this.reader = reader;
        this.conductor = conductor;
    }

    @Incoming(Channels.TRAINING)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return reader.<TrainingEvent>read(record, Topics.TRAINING, event -> {
            try {
                if (event instanceof StageCompleted completed) {
                    conductor.onStageCompleted(completed);
                } else if (event instanceof TrainingFailed failed) {
                    conductor.onTrainingFailed(failed);
                } else if (event instanceof TrainingStarted started) {
                    conductor.onTrainingStarted(started);
                } else if (event instanceof TrainingProgress progress) {
                    conductor.onTrainingProgress(progress);
                }
            } catch (RuntimeException e) {
                conductor.onUnexpected(event.runId(), event.stageIndex(), event.getClass().getSimpleName(), e);
            }
        });
    }
}
