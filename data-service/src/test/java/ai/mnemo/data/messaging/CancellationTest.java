package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.service.CancelledExperiments;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Over the real broker: once ExperimentCancelled is read, data-service starts nothing more for the experiment and
 * publishes nothing more for it, whatever arrives for its runs; another experiment goes on.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CancellationTest {

    static final String SPEC = """
            name: cancel
            model: {preset: tiny}
            stages:
              - dataset: {name: kvr, split: A, size: 10}
              - dataset: {name: kvr, split: B, size: 10}
            grid:
              methods:
                - name: naive
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    CancelledExperiments cancelled;

    @Test
    void aCancelledExperimentGetsNothingMoreWhileAnotherGoesOn() throws Exception {
        String gone = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        ExperimentSpec spec = Specs.valid(SPEC);
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(gone, spec, "test"));
            broker.publish(ExperimentRequested.of(live, spec, "test"));
            TrainingJob goneJob = broker.awaitOne(TrainingJob.class, e -> gone.equals(e.experimentId()));
            TrainingJob liveJob = broker.awaitOne(TrainingJob.class, e -> live.equals(e.experimentId()));

            broker.publish(ExperimentCancelled.of(gone, "ada"));
            awaitRecorded(gone);

            // The stage that was training when the cancel came ends anyway; a replayed request comes back.
            broker.publish(StageCompleted.of(gone, goneJob.runId(), 0, 1, goneJob.checkpointUri(), 10, 5, 0.1,
                    "fixed-epochs", 1.0, 100));
            broker.publish(TrainingFailed.of(gone, goneJob.runId(), 0, 1, "out of memory"));
            broker.publish(EvalCompleted.of(gone, goneJob.runId(), 1, goneJob.checkpointUri(), List.of(), 1.0));
            broker.publish(ExperimentRequested.of(gone, spec, "test"));
            broker.publish(StageCompleted.of(live, liveJob.runId(), 0, 1, liveJob.checkpointUri(), 10, 5, 0.1,
                    "fixed-epochs", 1.0, 100));

            broker.awaitOne(EvalJob.class, e -> live.equals(e.experimentId()));
            broker.awaitOne(TrainingJob.class, e -> live.equals(e.experimentId()) && e.stageIndex() == 1);
            assertEquals(List.of(), broker.within(EvalJob.class, 1, e -> gone.equals(e.experimentId())));
            assertEquals(1, broker.within(TrainingJob.class, 2, e -> gone.equals(e.experimentId())).size(),
                    "stage 0's job only");
            assertEquals(List.of(), broker.within(RunFailed.class, 1, e -> gone.equals(e.experimentId())));
            assertEquals(List.of(), broker.within(RunCompleted.class, 1, e -> gone.equals(e.experimentId())));
            assertEquals(1, broker.within(ExperimentPlanned.class, 2, e -> gone.equals(e.experimentId())).size(),
                    "the replayed request is not planned again");
        }
    }

    private void awaitRecorded(String experimentId) throws InterruptedException {
        long deadline = System.nanoTime() + Broker.TIMEOUT.toNanos();
        while (!cancelled.contains(experimentId)) {
            assertTrue(System.nanoTime() < deadline, "the cancellation was not recorded in time");
            Thread.sleep(100);
        }
    }
}
