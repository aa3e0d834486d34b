package ai.mnemo.eval.messaging;

import ai.mnemo.eval.service.EvalJobService;
import ai.mnemo.eval.service.ProbeJobService;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.messaging.Cancellations;
import ai.mnemo.service.messaging.EventPublisher;
import ai.mnemo.service.messaging.EventReader;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes one command at a time from {@value Topics#EVAL_JOBS} (consumer group {@code mnemo-evaluators}), on a
 * worker thread, in order: an EvalJob scores a checkpoint, a ProbeJob runs the known-fact filter on a base model. The answer is published and acknowledged by the broker before the handler returns, so
 * the job's record is committed only after its result exists. An unreadable job is answered with an {@code EvalFailed}
 * when it names its run (or probe), and goes to the dead-letter topic either way. A job of a cancelled experiment is
 * skipped, and nothing is published for one whose experiment was cancelled while it ran.
 */
@ApplicationScoped
public class EvalJobsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "eval-jobs";

    private static final Logger LOG = Logger.getLogger(EvalJobsConsumer.class);

    private final EventReader reader;
    private final EvalJobService service;
    private final ProbeJobService probes;
    private final EventPublisher publisher;
    private final Cancellations cancellations;

    public EvalJobsConsumer(EventReader reader, EvalJobService service, ProbeJobService probes,
            EventPublisher publisher, Cancellations cancellations) {
        this.reader = reader;
        this.service = service;
        this.probes = probes;
        this.publisher = publisher;
        this.cancellations = cancellations;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> onCommand(Message<byte[]> record) {
        return reader.<EvalCommand>read(record, Topics.EVAL_JOBS, this::onCommand,
                unreadable -> UnreadableJob.failure(unreadable.text(), unreadable.error()).ifPresent(this::publish));
    }

    private void onCommand(EvalCommand command) {
        if (cancellations.contains(command.experimentId())) {
            LOG.infof("skipping a %s of cancelled experiment %s", command.getClass().getSimpleName(),
                    command.experimentId());
            return;
        }
        if (command instanceof ProbeJob probe) {
            LOG.infof("ProbeJob %s of experiment %s: candidates %s, %d-shot, at most %d new tokens", probe.probeId(),
                    probe.experimentId(), probe.candidatesUri(), probe.fewShot(), probe.maxNewTokens());
            publish(probes.probe(probe));
            return;
        }
        EvalJob job = (EvalJob) command;
        LOG.infof("EvalJob of run %s stage %d: %d targets, checkpoint %s", job.runId(), job.stageIndex(),
                job.targets().size(), job.checkpointUri());
        publish(service.evaluate(job));
    }

    private void publish(EvalEvent event) {
        if (cancellations.contains(event.experimentId())) {
            LOG.infof("experiment %s was cancelled while %s was computed; publishing nothing", event.experimentId(),
                    event.getClass().getSimpleName());
            return;
        }
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            // The job's record is committed anyway: a stuck broker must not wedge the evaluator on one record.
            LOG.errorf(e, "could not publish %s %s", event.getClass().getSimpleName(), event.eventId());
        }
    }
}
