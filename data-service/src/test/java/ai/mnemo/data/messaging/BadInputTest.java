package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.testdata.TestData;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad dataset inputs end the run with a reason that names the problem, and the service goes on. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class BadInputTest {

    /** One PopQA stage, one naive run; {@code PATH} and {@code SIZE} are replaced per case. */
    static final String ONE_STAGE = """
            name: bad input
            model: {preset: tiny}
            stages:
              - dataset: {name: popqa, size: SIZE, path: PATH}
            grid:
              methods: [{name: naive}]
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void data() {
        TestData.install(Path.of("target/test-data"));
    }

    private static String spec(String path, int size) {
        return ONE_STAGE.replace("PATH", path).replace("SIZE", Integer.toString(size));
    }

    @Test
    void aPathOutsideTheDataRootIsRefused() {
        String climb = UUID.randomUUID().toString();
        String link = UUID.randomUUID().toString();
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(climb, ExperimentSpecs.parse(spec("../../etc/passwd", 5)), "test"));
            broker.publish(ExperimentRequested.of(link, Specs.valid(spec(TestData.ESCAPE, 5)), "test"));

            ExperimentRejected rejected = broker.awaitOne(ExperimentRejected.class, e -> climb.equals(e.experimentId()));
            assertEquals("stages[0].dataset.path", rejected.field());
            assertTrue(rejected.reason().contains("must stay inside the data root (was ../../etc/passwd)"),
                    rejected.reason());

            DatasetFailed failed = broker.awaitOne(DatasetFailed.class, e -> link.equals(e.experimentId()));
            assertEquals("stages[0].dataset.path", failed.field());
            assertTrue(failed.reason().startsWith("escape.jsonl leads to ")
                    && failed.reason().contains("outside-data-root/secret.jsonl, outside the data root"), failed.reason());
            RunFailed runFailed = broker.awaitOne(RunFailed.class, e -> link.equals(e.experimentId()));
            assertTrue(runFailed.reason().contains("outside the data root"), runFailed.reason());
            assertEquals(0, broker.within(ProbeJob.class, 1, e -> link.equals(e.experimentId())).size());
        }
    }

    @Test
    void aFileWithAnotherDatasetsColumnsIsNamedWithItsMissingColumn() {
        String id = UUID.randomUUID().toString();
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, Specs.valid(spec(TestData.LAMA, 5)), "test"));

            DatasetFailed failed = broker.awaitOne(DatasetFailed.class, e -> id.equals(e.experimentId()));
            assertEquals("stages[0].dataset.path", failed.field());
            assertEquals("popqa:A", failed.dataset());
            assertTrue(failed.reason().startsWith("lama-demo.jsonl: column 'question' is missing; popqa reads question,"
                    + " possible_answers (the file has: uuid, obj_uri, obj_label,"), failed.reason());
            RunFailed runFailed = broker.awaitOne(RunFailed.class, e -> id.equals(e.experimentId()));
            assertTrue(runFailed.reason().contains("column 'question' is missing"), runFailed.reason());
            assertEquals(0, broker.within(TrainingJob.class, 1, e -> id.equals(e.experimentId())).size());
        }
    }

    @Test
    void tooFewUnknownFactsOrAFailedProbeEndTheRunAndTheNextExperimentStillRuns() {
        String tooFew = UUID.randomUUID().toString();
        String probeFails = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(tooFew, Specs.valid(spec(TestData.POPQA, 30)), "test"));
            broker.publish(ExperimentRequested.of(probeFails, Specs.valid(spec(TestData.POPQA, 5)), "test"));

            ProbeJob first = broker.awaitOne(ProbeJob.class, e -> tooFew.equals(e.experimentId()));
            broker.publish(ProbeAnswers.answer(store, first, i -> i < 10));
            DatasetFailed short_ = broker.awaitOne(DatasetFailed.class, e -> tooFew.equals(e.experimentId()));
            assertEquals("stages[0].dataset.size", short_.field());
            assertEquals("popqa (popqa-demo.jsonl) has 25 facts the base model does not know (of 40 in the pool), but"
                    + " this split needs 30 (0 before it, 30 in it): lower the size to at most 25 or give a larger export",
                    short_.reason());
            broker.awaitOne(RunFailed.class, e -> tooFew.equals(e.experimentId()));

            ProbeJob second = broker.awaitOne(ProbeJob.class, e -> probeFails.equals(e.experimentId()));
            broker.publish(EvalFailed.ofProbe(probeFails, second.probeId(), "model uri file:/x is not a checkpoint"));
            RunFailed failed = broker.awaitOne(RunFailed.class, e -> probeFails.equals(e.experimentId()));
            assertEquals(0, failed.stageIndex());
            assertTrue(failed.reason().contains("stages[0].dataset.filter: the known-fact filter on popqa"
                    + " (popqa-demo.jsonl)") && failed.reason().contains("model uri file:/x is not a checkpoint")
                    && failed.reason().contains("or set filter: false"), failed.reason());

            broker.publish(ExperimentRequested.of(healthy, Specs.valid(Specs.TWO_STAGES), "test"));
            assertEquals(4, broker.await(TrainingJob.class, 4, e -> healthy.equals(e.experimentId())).size(),
                    "the service goes on with the next experiment");
            assertEquals(0, broker.within(TrainingJob.class, 1,
                    e -> tooFew.equals(e.experimentId()) || probeFails.equals(e.experimentId())).size());
        }
    }
}
