package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad requests are answered with ExperimentRejected naming the field, and the service keeps consuming. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class RejectionTest {

    @InjectKafkaBootstrapServers
    String kafka;

    @Test
    void malformedAndInvalidRequestsAreRejectedAndTheNextValidOneIsPlanned() {
        String malformedId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        String validId = UUID.randomUUID().toString();
        String unreadableMarker = UUID.randomUUID().toString();
        double rejectedBefore = Metrics.value("mnemo_data_experiments_total", "rejected");
        try (Broker broker = new Broker(kafka)) {
            String valid = EventCodec.encode(ExperimentRequested.of(malformedId, Specs.valid(Specs.TWO_STAGES), null));
            broker.publishRaw(Topics.EXPERIMENTS, malformedId,
                    valid.replaceFirst("\"stages\":\\[", "\"stages\":5,\"unused\":["));
            broker.publishRaw(Topics.EXPERIMENTS, null, "not json " + unreadableMarker);
            ExperimentSpec invalid = ExperimentSpecs.parse(Specs.TWO_STAGES
                    .replace("size: 20}", "size: 0}").replace("learningRate: 0.002", "learningRate: -1"));
            broker.publish(ExperimentRequested.of(invalidId, invalid, "test"));
            broker.publish(ExperimentRequested.of(validId, Specs.valid(Specs.TWO_STAGES), "test"));

            ExperimentRejected malformed = broker.awaitOne(ExperimentRejected.class,
                    e -> malformedId.equals(e.experimentId()));
            assertEquals("stages", malformed.field());
            assertTrue(malformed.reason().contains("$.spec.stages"), malformed.reason());

            ExperimentRejected unreadable = broker.awaitOne(ExperimentRejected.class,
                    e -> e.experimentId() == null && e.reason().contains("malformed document"));
            assertEquals("$", unreadable.field());

            ExperimentRejected rejected = broker.awaitOne(ExperimentRejected.class,
                    e -> invalidId.equals(e.experimentId()));
            assertEquals("stages[0].dataset.size", rejected.field());
            assertTrue(rejected.reason().contains("stages[0].dataset.size: must be at least 1 (was 0)"),
                    rejected.reason());
            assertTrue(rejected.reason().contains("training.learningRate: must be greater than 0"), rejected.reason());

            ExperimentPlanned planned = broker.awaitOne(ExperimentPlanned.class, e -> validId.equals(e.experimentId()));
            assertEquals(4, planned.runIds().size());
            assertEquals(0, broker.within(RunPlanned.class, 1, e -> invalidId.equals(e.experimentId())).size(),
                    "nothing planned for the invalid request");
        }
        assertTrue(Metrics.value("mnemo_data_experiments_total", "rejected") >= rejectedBefore + 3);
    }

    @Test
    void aRepeatedRequestIsNotPlannedTwiceAndAReusedIdWithAnotherSpecIsRejected() {
        String id = UUID.randomUUID().toString();
        String sentinelId = UUID.randomUUID().toString();
        ExperimentSpec spec = Specs.valid(Specs.TWO_STAGES.replace("seeds: [0, 1]", "seeds: [0]"));
        ExperimentSpec other = Specs.valid(Specs.TWO_STAGES.replace("seeds: [0, 1]", "seeds: [0]")
                .replace("learningRate: 0.002", "learningRate: 0.003"));
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, spec, "test"));
            broker.publish(ExperimentRequested.of(id, spec, "test"));
            broker.publish(ExperimentRequested.of(id, other, "test"));
            // Same key, same partition: once the sentinel is planned, the three before it were handled.
            broker.publishRaw(Topics.EXPERIMENTS, id, EventCodec.encode(ExperimentRequested.of(sentinelId, spec, null)));

            broker.awaitOne(ExperimentPlanned.class, e -> sentinelId.equals(e.experimentId()));
            assertEquals(1, broker.within(ExperimentPlanned.class, 2, e -> id.equals(e.experimentId())).size());
            assertEquals(2, broker.within(TrainingJob.class, 3, e -> id.equals(e.experimentId())).size(),
                    "stage 0 of each of the two runs, once");
            ExperimentRejected conflict = broker.awaitOne(ExperimentRejected.class, e -> id.equals(e.experimentId()));
            assertTrue(conflict.reason().contains("planned before with another spec"), conflict.reason());
        }
    }

    @Test
    void aMissingExportFailsTheRunBeforeAnyTrainingNamingTheFile() {
        String id = UUID.randomUUID().toString();
        ExperimentSpec spec = Specs.valid(Specs.TWO_STAGES.replace("seeds: [0, 1]", "seeds: [0]")
                .replace("{name: kvr, split: B, size: 30, maxNewTokens: 12}", "{name: popqa, path: missing/popqa.jsonl}"));
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, spec, "test"));

            broker.await(RunPlanned.class, 2, e -> id.equals(e.experimentId()));
            DatasetFailed failed = broker.await(DatasetFailed.class, 2, e -> id.equals(e.experimentId())).get(0);
            assertEquals(1, failed.stageIndex());
            assertEquals("popqa:A", failed.dataset());
            assertEquals("stages[1].dataset.path", failed.field());
            assertTrue(failed.reason().startsWith("missing/popqa.jsonl: no such file (looked for "), failed.reason());
            RunFailed runFailed = broker.awaitOne(RunFailed.class, e -> failed.runId().equals(e.runId()));
            assertEquals(1, runFailed.stageIndex());
            assertTrue(runFailed.reason().contains("stages[1].dataset.path: missing/popqa.jsonl: no such file"),
                    runFailed.reason());
            assertEquals(0, broker.within(TrainingJob.class, 1, e -> id.equals(e.experimentId())).size());
        }
    }
}
