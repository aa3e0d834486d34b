package ai.mnemo.data.messaging;

import ai.mnemo.data.service.RunConductor;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingFailed;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code mnemo.training.v1}: a completed stage moves its run on, a failed one ends it. Progress events are
 * read and dropped. Nothing escapes: a handler that breaks ends the run with RunFailed instead.
 */
@ApplicationScoped
public class TrainingEvents {

    private static final Logger LOG = Logger.getLogger(TrainingEvents.class);

    private final RunConductor conductor;

    public TrainingEvents(RunConductor conductor) {
        this.conductor = conductor;
    }

    @Incoming(Channels.TRAINING)
    @Blocking(ordered = true)
    public void consume(String payload) {
        TrainingEvent event;
        try {
            event = EventCodec.decode(payload, TrainingEvent.class);
        } catch (EventDecodingException e) {
            LOG.warnf("skipping an unreadable record of %s: %s", Topics.TRAINING, e.getMessage());
            return;
        }
        try {
            if (event instanceof StageCompleted completed) {
                conductor.onStageCompleted(completed);
            } else if (event instanceof TrainingFailed failed) {
                conductor.onTrainingFailed(failed);
            }
        } catch (RuntimeException e) {
            conductor.onUnexpected(event.runId(), event.stageIndex(), event.getClass().getSimpleName(), e);
        }
    }
}
