package ai.mnemo.eval.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.eval.scoring.Prediction;
import ai.mnemo.eval.scoring.PredictionsFile;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.checkpoint.TensorDtype;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.MemorizationProbe;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingListener;
import ai.mnemo.lm.train.TrainingOptions;
import ai.mnemo.lm.train.TrainingResult;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluator driven through the real embedded broker: EvalJobs in, EvalCompleted / EvalFailed out. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class EvalJobsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @Test
    void evaluatesEveryTargetKeepsEveryPredictionAndAnswersARedeliveryWithoutEvaluatingAgain() throws Exception {
        String runId = UUID.randomUUID().toString();
        ArtifactLayout.Run run = store.run(runId);
        EvalJob job = EvalJob.of("exp-" + runId, runId, 1, tinyPreset(), List.of(
                target(0, "kvr:A", dataset(run, 0, KvrFacts.generate(11, 6))),
                target(1, "kvr:B", dataset(run, 1, KvrFacts.generate(12, 4)))),
                store.uri(run.stage(1).predictions()));

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(job));
            EvalCompleted first = assertInstanceOf(EvalCompleted.class, awaitEvents(client, runId, 1).get(0));
            List<List<Prediction>> firstFiles = assertResultsMatchTheirFiles(first, run, List.of(6, 4));
            assertEquals(job.checkpointUri(), first.checkpointUri());
            assertEquals(1, first.stageIndex());
            assertTrue(first.evalSeconds() > 0);

            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(job));
            EvalCompleted again = assertInstanceOf(EvalCompleted.class, awaitEvents(client, runId, 2).get(1));
            List<List<Prediction>> againFiles = assertResultsMatchTheirFiles(again, run, List.of(6, 4));
            assertEquals(first, again, "the first answer, event id and all: the job was not evaluated twice");
            assertEquals(firstFiles, againFiles, "the predictions stay");
        }

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mnemo_eval_jobs_total{outcome=\"completed\"}"))
                .body(containsString("mnemo_eval_job_seconds_count{outcome=\"completed\"}"))
                .body(containsString("mnemo_eval_facts_per_second"))
                .body(containsString("mnemo_eval_accuracy_count{metric=\"exact-match\"}"))
                // The device found at start (libtorch for CPUs in this build).
                .body(containsString("mnemo_device_info{cuda=\"none\",device=\"cpu\",name=\"cpu()\","
                        + "service=\"eval-service\"} 1.0"))
                .body(containsString("mnemo_gpu_count{service=\"eval-service\"} 0.0"));
    }

    @Test
    void badJobsFailWithAReasonAndTheNextJobStillCompletes() throws Exception {
        String runId = UUID.randomUUID().toString();
        ArtifactLayout.Run run = store.run(runId);
        EvalTarget good = target(0, "kvr:A", dataset(run, 0, KvrFacts.generate(21, 3)));
        EvalTarget badMetric = new EvalTarget(0, "kvr:A", good.datasetUri(), "bleu", 8);
        String output = store.uri(run.stage(0).predictions());
        Path missingCheckpoint = run.stage(0).checkpoint();

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(
                    EvalJob.of("exp", runId, 0, store.uri(missingCheckpoint), List.of(good), output)));
            client.publish(Topics.EVAL_JOBS, runId, "{\"type\":\"EvalJob\", this is not JSON");
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(
                    EvalJob.of("exp", runId, 1, tinyPreset(), List.of(good, badMetric), output)));
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(
                    EvalJob.of("exp", runId, 2, tinyPreset(), List.of(good), output)));

            List<EvalEvent> events = awaitEvents(client, runId, 3);
            EvalFailed noCheckpoint = assertInstanceOf(EvalFailed.class, events.get(0));
            assertEquals(0, noCheckpoint.stageIndex());
            assertEquals(runId, noCheckpoint.runId());
            assertTrue(noCheckpoint.reason().contains("checkpointUri")
                    && noCheckpoint.reason().contains(missingCheckpoint.toString()), noCheckpoint.reason());
            EvalFailed unknownMetric = assertInstanceOf(EvalFailed.class, events.get(1));
            assertEquals(1, unknownMetric.stageIndex());
            assertTrue(unknownMetric.reason().contains("targets[1].metric: unknown metric 'bleu'"),
                    unknownMetric.reason());
            EvalCompleted completed = assertInstanceOf(EvalCompleted.class, events.get(2));
            assertEquals(2, completed.stageIndex());
            assertEquals(3, completed.results().get(0).count());
        }
    }

    /** Train the tiny model until it has memorized 8 facts, then the service must score all 8 correct. */
    @Test
    void aCheckpointThatMemorizedItsFactsScoresEveryOneOfThem() throws Exception {
        String runId = UUID.randomUUID().toString();
        ArtifactLayout.Run run = store.run(runId);
        List<Fact> facts = KvrFacts.generate(31, 8);
        Path checkpoint = run.stage(0).checkpoint();
        memorize(facts, checkpoint);
        EvalJob job = EvalJob.of("exp", runId, 0, store.uri(checkpoint),
                List.of(target(0, "kvr:A", dataset(run, 0, facts))), store.uri(run.stage(0).predictions()));

        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.EVAL_JOBS, runId, EventCodec.encode(job));
            EvalCompleted done = assertInstanceOf(EvalCompleted.class, awaitEvents(client, runId, 1).get(0));
            EvalResult result = done.results().get(0);
            assertEquals(8, result.count());
            assertEquals(8, result.correct());
            assertEquals(1.0, result.accuracy());
            assertEquals(1.0, result.rougeL(), 1e-12);
            for (Prediction p : PredictionsFile.read(store.path(result.predictionsUri()))) {
                assertEquals(p.gold(), p.prediction(), p.id());
            }
        }
    }

    private void memorize(List<Fact> facts, Path checkpoint) {
        try (NDManager root = TorchRuntime.newManager();
                HfCheckpoint.Loaded loaded = HfCheckpoint.load(store.path(tinyPreset()), root)) {
            LlamaConfig config = loaded.model().config();
            ChatTemplate template = new ChatTemplate(loaded.tokenizer(), config.bosTokenId(), config.eosTokenId());
            List<EncodedExample> rows = facts.stream()
                    .map(f -> template.encode(new ChatExample(f.question(), f.answer()))).toList();
            List<String> answers = facts.stream().map(Fact::answer).toList();
            TrainingOptions options = TrainingOptions.builder(new StoppingRule.Memorized(300))
                    .optLearningRate(3e-3).optCheckpointEveryEpochs(0).build();
            AdamW adam = AdamW.forTraining(loaded.model(), options);
            MemorizationProbe probe = new MemorizationProbe(rows, answers, template,
                    Metric.EXACT_MATCH, 8, 16);
            TrainingResult result = new Trainer(loaded.model(), options, TrainingListener.NONE)
                    .train(rows, adam, null, probe, CheckpointSink.NONE);
            assertEquals("memorized", result.stopReason(), "precondition: training memorized the facts");
            HfCheckpoint.save(loaded.model(), loaded.tokenizer(), checkpoint, TensorDtype.F32);
        }
    }

    /** Every result's file holds one line per fact and its "correct": true lines are the result's correct. */
    private List<List<Prediction>> assertResultsMatchTheirFiles(EvalCompleted completed, ArtifactLayout.Run run,
            List<Integer> counts) throws Exception {
        assertEquals(counts.size(), completed.results().size());
        List<List<Prediction>> files = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            EvalResult result = completed.results().get(i);
            Path file = store.path(result.predictionsUri());
            assertEquals(run.stage(1).predictions().resolve("stage" + i + "-kvr_" + (char) ('A' + i) + ".jsonl"),
                    file);
            List<String> lines = Files.readAllLines(file);
            List<Prediction> predictions = PredictionsFile.read(file);
            long correctLines = lines.stream().filter(l -> l.contains("\"correct\":true")).count();
            assertEquals(counts.get(i), result.count());
            assertEquals(counts.get(i), lines.size());
            assertEquals(correctLines, result.correct());
            assertEquals((double) correctLines / counts.get(i), result.accuracy(), 1e-12);
            assertTrue(result.accuracy() >= 0 && result.accuracy() <= 1);
            assertTrue(result.rougeL() >= 0 && result.rougeL() <= 1);
            assertEquals("exact-match", result.metric());
            assertEquals(i, result.datasetStageIndex());
            assertFalse(predictions.stream().anyMatch(p -> p.id().startsWith("mix")), "mixing rows are not scored");
            List<PreparedRow> facts = PreparedRows.facts(run.stage(i).dataset());
            assertEquals(facts.stream().map(PreparedRow::id).toList(),
                    predictions.stream().map(Prediction::id).toList());
            assertEquals(facts.stream().map(PreparedRow::assistant).toList(),
                    predictions.stream().map(Prediction::gold).toList());
            files.add(predictions);
        }
        return files;
    }

    private List<EvalEvent> awaitEvents(KafkaTestClient client, String runId, int count) {
        List<String> values = client.poll(Topics.EVAL, v -> v.contains("\"runId\":\"" + runId + "\""), count,
                TIMEOUT);
        assertEquals(count, values.size(), "events of run " + runId + ": " + values);
        return values.stream().map(v -> EventCodec.decode(v, EvalEvent.class)).toList();
    }

    /** The tiny preset with random weights (seed 0), materialized once under the artifact root. */
    private String tinyPreset() {
        Path dir = store.preset(ModelPresets.TINY, 0);
        synchronized (EvalJobsTest.class) {
            if (!Files.isRegularFile(dir.resolve(HfCheckpoint.CONFIG))) {
                try (NDManager root = TorchRuntime.newManager()) {
                    Presets.write(ModelPresets.TINY, 0, dir, root);
                }
            }
        }
        return store.uri(dir);
    }

    /** A prepared stage dataset: the facts, plus a mixing row that must never be evaluated. */
    private String dataset(ArtifactLayout.Run run, int stage, List<Fact> facts) {
        List<PreparedRow> rows = new ArrayList<>();
        facts.forEach(f -> rows.add(new PreparedRow("fact-" + rows.size(), f.question(), f.answer(),
                PreparedRow.FACT)));
        rows.add(1, new PreparedRow("mix-0", "Write a greeting.", "Hello there!", PreparedRow.MIXING));
        PreparedRows.write(run.stage(stage).dataset(), rows);
        return store.uri(run.stage(stage).dataset());
    }

    private static EvalTarget target(int stage, String dataset, String datasetUri) {
        return new EvalTarget(stage, dataset, datasetUri, "exact-match", 16);
    }
}
