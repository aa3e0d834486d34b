package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.testdata.TestData;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The known-fact filter through the real broker, with the test playing eval-service: one ProbeJob per pool (not per
 * run), runs wait for every probe they need, and then each stage trains on the facts the base model did not know.
 * Stage 1's export is Parquet, so the service's DuckDB reader runs inside Quarkus too.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class FilterTest {

    static final String SPEC = """
            name: filtered
            model: {preset: tiny}
            stages:
              - dataset: {name: popqa, split: A, size: 10, path: popqa-demo.jsonl}
              - dataset: {name: lama, split: A, size: 6, path: lama-demo.parquet}
            training: {learningRate: 0.002, batchSize: 8}
            grid:
              methods:
                - name: naive
                - name: remix
                  mixing: {source: random-words, ratio: 1, wordsPerSequence: 10}
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    /** Fact rows of a prepared stage in selection order (the file is shuffled). */
    private List<String> answers(String datasetUri) {
        return PreparedRows.facts(store.path(datasetUri)).stream()
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.id().substring("fact-".length()))))
                .map(PreparedRow::assistant).toList();
    }

    @Test
    void runsWaitForTheirProbesThenTrainOnlyOnUnknownFacts() {
        TestData.install(Path.of("target/test-data"));
        String id = UUID.randomUUID().toString();
        double completedBefore = Metrics.value("mnemo_data_probes_total", "completed");
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, Specs.valid(SPEC), "test"));

            Map<String, RunPlanned> runs = broker.await(RunPlanned.class, 2, e -> id.equals(e.experimentId())).stream()
                    .collect(Collectors.toMap(RunPlanned::label, Function.identity()));
            Map<String, ProbeJob> probes = broker.await(ProbeJob.class, 2, e -> id.equals(e.experimentId())).stream()
                    .collect(Collectors.toMap(job -> ProbeAnswers.dataset(store, job), Function.identity()));
            ProbeJob popqa = probes.get("popqa");
            ProbeJob lama = probes.get("lama");
            assertEquals(ModelRef.preset("tiny", 0), popqa.model());
            assertEquals(5, popqa.fewShot());
            assertEquals(20, popqa.maxNewTokens());
            assertEquals("exact-match", popqa.metric());
            assertEquals(store.uri(store.probe(popqa.probeId()).resolve("result.jsonl")), popqa.outputUri());
            assertEquals(0, broker.within(TrainingJob.class, 1, e -> id.equals(e.experimentId())).size(),
                    "no run starts before its probes report");

            broker.publish(ProbeAnswers.answer(store, popqa, i -> i % 4 == 0));
            assertEquals(0, broker.within(TrainingJob.class, 1, e -> id.equals(e.experimentId())).size(),
                    "the lama probe is still out");
            ProbeCompleted lamaDone = ProbeAnswers.answer(store, lama, i -> i % 5 == 1);
            broker.publish(lamaDone);

            Map<String, DatasetPrepared> stage0 = broker.await(DatasetPrepared.class, 2,
                    e -> id.equals(e.experimentId()) && e.stageIndex() == 0).stream()
                    .collect(Collectors.toMap(DatasetPrepared::runId, Function.identity()));
            String naive = runs.get("naive/seed0").runId();
            String remix = runs.get("remix(random-words x1)/seed0").runId();
            DatasetManifest manifest = stage0.get(naive).manifest();
            assertEquals(new DatasetManifest.ProbeCounts(35, 9, 26), manifest.probe());
            assertEquals(new DatasetManifest.Counts(10, 0, 0, 10, 0), manifest.counts());
            assertEquals(TestData.POPQA, manifest.sources().get(0).path());
            assertEquals("probes/" + popqa.probeId() + "/result.jsonl", manifest.sources().get(1).path());
            List<String> unknown = ProbeAnswers.unknown(store, popqa);
            assertEquals(unknown.subList(0, 10), answers(stage0.get(naive).uri()), "D_A = the first 10 unknown facts");
            assertEquals(new HashSet<>(answers(stage0.get(naive).uri())),
                    new HashSet<>(answers(stage0.get(remix).uri())), "every method trains on the same D_A");
            assertEquals(new DatasetManifest.Counts(10, 10, 0, 20, 0), stage0.get(remix).manifest().counts());

            TrainingJob job0 = broker.awaitOne(TrainingJob.class, e -> naive.equals(e.runId()) && e.stageIndex() == 0);
            broker.publish(StageCompleted.of(id, naive, 0, 1, job0.checkpointUri(), 10, 3, 0.01, "fixed-epochs", 1, 10));
            DatasetPrepared stage1 = broker.awaitOne(DatasetPrepared.class,
                    e -> naive.equals(e.runId()) && e.stageIndex() == 1);
            assertEquals(new DatasetManifest.ProbeCounts(25, lamaDone.known(), lamaDone.unknown()),
                    stage1.manifest().probe());
            assertEquals(ProbeAnswers.unknown(store, lama).subList(0, 6), answers(stage1.uri()));
            assertEquals("lama:A", stage1.dataset());
            assertEquals(TestData.LAMA_PARQUET, stage1.manifest().sources().get(0).path(), "read from Parquet");
            assertEquals(2, broker.within(ProbeJob.class, 3, e -> id.equals(e.experimentId())).size(),
                    "one probe per pool, shared by every run");
        }
        assertTrue(Metrics.value("mnemo_data_probes_total", "completed") >= completedBefore + 2);
    }
}
