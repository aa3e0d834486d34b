package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.lm.checkpoint.CheckpointFencedException;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.device.CostClock;
import ai.mnemo.service.device.DeviceCheck;
import ai.mnemo.service.messaging.Cancellations;
import ai.mnemo.service.messaging.EventPublisher;
import ai.mnemo.service.messaging.EventReader.Disposition;
import ai.mnemo.trainer.config.TrainerConfig;
import ai.mnemo.trainer.lifecycle.StopSignal;
import ai.mnemo.trainer.metrics.TrainerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes one record of {@code mnemo.training.jobs.v1} from payload to outcome event. It never throws: a bad job
 * becomes TrainingFailed with a reason that says what to fix, and only a job interrupted by shutdown (or whose
 * outcome could not be published) is left for redelivery. A job of a cancelled experiment is skipped, or stopped at
 * its next step when the cancellation comes while it trains, and nothing is published for it.
 */
@ApplicationScoped
public class TrainingJobHandler {

    private static final Logger LOG = Logger.getLogger(TrainingJobHandler.class);

    private final EventPublisher publisher;
    private final TrainerMetrics metrics;
    private final StopSignal stop;
    private final StageTrainer trainer;
    private final DeviceCheck devices;
    private final Cancellations cancellations;
    /** The experiment of the job in progress (one at a time per instance), for the loop's stop check. */
    private volatile String training;

    public TrainingJobHandler(ArtifactStore store, TrainerConfig config, EventPublisher publisher,
            TrainerMetrics metrics, StopSignal stop, DeviceCheck devices, Cancellations cancellations) {
        this.devices = devices;
        this.publisher = publisher;
        this.metrics = metrics;
        this.stop = stop;
        this.cancellations = cancellations;
        this.trainer = new StageTrainer(store, config, new BrokerSink(publisher), metrics,
                () -> stop.stopRequested() || cancellations.contains(training), WorkerIdentity.current());
    }

    public Disposition handle(TrainingCommand command) {
        if (!(command instanceof TrainingJob job)) {
            return Disposition.DONE;
        }
        if (cancellations.contains(job.experimentId())) {
            LOG.infof("run %s stage %d: experiment %s was cancelled; skipping the job", job.runId(),
                    job.stageIndex(), job.experimentId());
            metrics.stageEnded(TrainerMetrics.CANCELLED, 0);
            return Disposition.DONE;
        }
        if (!stop.tryStartJob()) {
            LOG.infof("shutting down: leaving run %s stage %d for another instance", job.runId(), job.stageIndex());
            return Disposition.REDELIVER;
        }
        metrics.busy(true);
        training = job.experimentId();
        try {
            return run(job);
        } finally {
            training = null;
            metrics.busy(false);
            stop.jobEnded();
        }
    }

    private Disposition run(TrainingJob job) {
        long started = System.nanoTime();
        Optional<CostClock> cost = devices.costClock();
        StageOutcome outcome;
        try {
            outcome = trainer.run(job);
        } catch (CheckpointFencedException e) {
            // The job went to another trainer (a rebalance while this one trained): the stage is theirs now.
            LOG.warnf("run %s stage %d: %s; leaving the stage to its new holder", job.runId(), job.stageIndex(),
                    e.getMessage());
            return Disposition.DONE;
        } catch (JobFailure e) {
            outcome = new StageOutcome.Failed(e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "run %s stage %d failed", job.runId(), job.stageIndex());
            outcome = new StageOutcome.Failed("training failed: " + describe(e), true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (cancellations.contains(job.experimentId())) {
            LOG.infof("run %s stage %d: experiment %s was cancelled; stopped, publishing nothing", job.runId(),
                    job.stageIndex(), job.experimentId());
            metrics.stageEnded(TrainerMetrics.CANCELLED, seconds);
            return Disposition.DONE;
        }
        if (outcome instanceof StageOutcome.Interrupted i) {
            LOG.infof("run %s stage %d stopped at step %d for shutdown; it resumes when redelivered", job.runId(),
                    job.stageIndex(), i.step());
            return Disposition.REDELIVER;
        }
        if (outcome instanceof StageOutcome.Completed c) {
            StageCompleted event = c.trainedNow() && cost.isPresent() ? c.event().withCost(cost.get().stop())
                    : c.event();
            return publishOutcome(event, TrainerMetrics.COMPLETED, seconds);
        }
        StageOutcome.Failed failed = (StageOutcome.Failed) outcome;
        LOG.warnf("run %s stage %d failed%s: %s", job.runId(), job.stageIndex(),
                failed.retryable() ? " (another attempt may succeed)" : "", failed.reason());
        TrainingFailed event = failed.retryable()
                ? TrainingFailed.retryable(job.experimentId(), job.runId(), job.stageIndex(), job.attempt(),
                        failed.reason())
                : TrainingFailed.of(job.experimentId(), job.runId(), job.stageIndex(), job.attempt(), failed.reason());
        return publishOutcome(event, TrainerMetrics.FAILED, seconds);
    }

    private Disposition publishOutcome(TrainingEvent event, String outcome, double seconds) {
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not publish %s for run %s; leaving the job uncommitted so a redelivery announces "
                    + "it again", event.getClass().getSimpleName(), event.runId());
            return Disposition.REDELIVER;
        }
        metrics.stageEnded(outcome, seconds);
        return Disposition.DONE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    /** The broker side of {@link TrainingEventSink}. */
    private record BrokerSink(EventPublisher publisher) implements TrainingEventSink {

        @Override
        public void publish(TrainingEvent event) {
            publisher.publish(event);
        }

        @Override
        public void send(TrainingEvent event) {
            publisher.send(event).exceptionally(failure -> {
                LOG.debugf("progress event for run %s was not delivered: %s", event.runId(), failure.getMessage());
                return null;
            });
        }
    }
}
