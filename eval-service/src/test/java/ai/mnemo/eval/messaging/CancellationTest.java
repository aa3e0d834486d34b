package ai.mnemo.eval.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.service.messaging.Cancellations;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Over the real broker: the evaluators learn a cancellation and skip the experiment's jobs, answering nothing. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CancellationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @Inject
    Cancellations cancellations;

    @Test
    void aCancelledExperimentsJobIsSkippedAndTheNextOneIsHandled() throws Exception {
        String gone = "exp-" + UUID.randomUUID();
        String runId = UUID.randomUUID().toString();
        ArtifactLayout.Run run = store.run(runId);
        // Jobs that fail fast (no checkpoint there): a job that is not skipped answers EvalFailed.
        EvalTarget target = new EvalTarget(0, "kvr:A", store.uri(run.stage(0).dataset()), "exact-match", 8);
        String missing = store.uri(run.stage(0).checkpoint());
        String output = store.uri(run.stage(0).predictions());

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            ExperimentCancelled cancel = ExperimentCancelled.of(gone, "test");
            client.publish(Topics.EXPERIMENTS, cancel.key(), EventCodec.encode(cancel));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!cancellations.contains(gone)) {
                assertTrue(System.nanoTime() < deadline, "the cancellation was not learned in time");
                Thread.sleep(100);
            }
            // One run id: one partition, so the second job is handled after the first.
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(
                    EvalJob.of(gone, runId, 0, missing, List.of(target), output)));
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(
                    EvalJob.of("exp-live", runId, 1, missing, List.of(target), output)));

            List<EvalEvent> live = events(client, runId, "exp-live", TIMEOUT);
            assertEquals(1, live.size(), "the live job was answered");
            assertInstanceOf(EvalFailed.class, live.get(0));
            // Same partition, read from its start: an answer to the first job would be there already.
            assertEquals(List.of(), events(client, runId, gone, Duration.ofSeconds(1)));
        }
    }

    private static List<EvalEvent> events(KafkaTestClient client, String runId, String experimentId,
            Duration timeout) {
        return client.poll(Topics.EVAL, v -> v.contains("\"runId\":\"" + runId + "\"")
                && v.contains("\"experimentId\":\"" + experimentId + "\""), timeout).stream()
                .map(v -> EventCodec.decode(v, EvalEvent.class)).toList();
    }
}
