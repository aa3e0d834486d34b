package ai.mnemo.data.messaging;

import ai.mnemo.data.service.ProbeCoordinator;
import ai.mnemo.data.service.RunConductor;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.service.messaging.EventReader;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code mnemo.eval.v1}: an evaluation opens a memorized gate or ends the run; a failed one ends it. A
 * probe's verdict (or failure) goes to {@link ProbeCoordinator}, which starts (or fails) the runs waiting for it. Nothing escapes: a handler that breaks ends the run instead.
 */
@ApplicationScoped
public class EvalEvents {

    private static final Logger LOG = Logger.getLogger(EvalEvents.class);

    private final EventReader reader;
    private final RunConductor conductor;
    private final ProbeCoordinator probes;

    public EvalEvents(EventReader reader, RunConductor conductor, ProbeCoordinator probes) {
        this.reader = reader;
        this.conductor = conductor;
        this.probes = probes;
    }

    @Incoming(Channels.EVAL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return reader.<EvalEvent>read(record, Topics.EVAL, this::onEvent);
    }

    private void onEvent(EvalEvent event) {
        if (event instanceof EvalCompleted completed) {
            try {
                conductor.onEvalCompleted(completed);
            } catch (RuntimeException e) {
                conductor.onUnexpected(completed.runId(), completed.stageIndex(), "EvalCompleted", e);
            }
        } else if (event instanceof ProbeCompleted completed) {
            try {
                probes.onProbeCompleted(completed);
            } catch (RuntimeException e) {
                LOG.errorf(e, "handling ProbeCompleted %s failed", completed.probeId());
            }
        } else if (event instanceof EvalFailed failed && failed.probeId() != null && failed.runId() == null) {
            try {
                probes.onProbeFailed(failed);
            } catch (RuntimeException e) {
                LOG.errorf(e, "handling the failure of probe %s failed", failed.probeId());
            }
        } else if (event instanceof EvalFailed failed) {
            try {
                conductor.onEvalFailed(failed);
            } catch (RuntimeException e) {
                conductor.onUnexpected(failed.runId(), failed.stageIndex(), "EvalFailed", e);
            }
        }
    }
}
