package ai.mnemo.data.service;

import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.placement.RunAdmission;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.service.messaging.EventPublisher;
import ai.mnemo.service.spec.SpecDoor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The door of every experiment: reads a record of {@code mnemo.experiments.v1}, rejects what cannot be read or does
 * not validate (ExperimentRejected naming the field), and hands valid requests to the planner. Its own
 * ExperimentPlanned and ExperimentRejected come back on the same topic and are ignored. An ExperimentCancelled is
 * recorded ({@link CancelledExperiments}); from then on nothing is started or published for the experiment.
 */
@ApplicationScoped
public class ExperimentIntake {

    private static final Logger LOG = Logger.getLogger(ExperimentIntake.class);

    private final EventPublisher publisher;
    private final ExperimentPlanner planner;
    private final DataMetrics metrics;
    private final SpecDoor door;
    private final CancelledExperiments cancelled;
    private final RunAdmission admission;

    public ExperimentIntake(EventPublisher publisher, ExperimentPlanner planner, DataMetrics metrics, SpecDoor door,
            CancelledExperiments cancelled, RunAdmission admission) {
        this.admission = admission;
        this.publisher = publisher;
        this.planner = planner;
        this.metrics = metrics;
        this.door = door;
        this.cancelled = cancelled;
    }

    public void onEvent(ExperimentEvent event) {
        if (event instanceof ExperimentRequested request && !cancelled.contains(request.experimentId())) {
            onRequest(request); // a cancelled one is a replay: planning it again would publish for it
        } else if (event instanceof ExperimentCancelled cancel) {
            cancelled.add(cancel.experimentId());
            admission.drop(cancel.experimentId());
            LOG.infof("experiment %s cancelled%s: starting nothing more for it", cancel.experimentId(),
                    cancel.cancelledBy() == null ? "" : " by " + cancel.cancelledBy());
        }
    }

    /** A record that did not decode: answered when it is a request (or says nothing of what it is). */
    public void onUnreadable(String payload, EventDecodingException e) {
        PayloadPeek peek = PayloadPeek.of(payload);
        if (peek.isOtherExperimentEvent()) {
            LOG.warnf("ignoring an unreadable %s: %s", peek.type(), e.getMessage());
            return;
        }
        reject(peek.experimentId(), "the request could not be read: " + e.getMessage(), specField(e.path()));
    }

    private void onRequest(ExperimentRequested request) {
        List<Violation> violations = door.check(request.spec());
        if (!violations.isEmpty()) {
            String field = violations.get(0).field();
            reject(request.experimentId(), "invalid experiment spec: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
                    field.isEmpty() ? null : field);
            return;
        }
        try {
            planner.plan(request);
        } catch (RequestRejectedException e) {
            reject(request.experimentId(), e.getMessage(), e.field());
        } catch (RuntimeException e) {
            LOG.errorf(e, "planning experiment %s failed", request.experimentId());
            reject(request.experimentId(), "data-service could not plan this experiment: " + e
                    + "; see data-service's log, then submit it again", null);
        }
    }

    private void reject(String experimentId, String reason, String field) {
        publisher.publish(ExperimentRejected.of(experimentId, reason, field));
        metrics.experimentRejected();
        LOG.infof("experiment %s rejected: %s", experimentId, reason);
    }

    /**
     * The spec field of a decoding problem: {@code $.spec.stages[0].dataset.size -> stages[0].dataset.size},
     * {@code $.spec -> spec}; a path outside the spec stays as it is ({@code $.experimentId}, {@code $}).
     */
    static String specField(String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("$.spec")) {
            return "spec";
        }
        return path.startsWith("$.spec.") ? path.substring("$.spec.".length()) : path;
    }
}
