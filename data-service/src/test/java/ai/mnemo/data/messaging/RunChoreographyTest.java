package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.metrics.DataMetrics;
import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.run.RunPhase;
import ai.mnemo.data.run.RunStates;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole life of a run through the real broker, with the test playing the trainer and the evaluator. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class RunChoreographyTest {

    /** Two KVR stages, naive and remix x1, one seed; stage 1 overrides the learning rate and the precision. */
    static final String SPEC = """
            name: choreography
            model: {preset: tiny}
            stages:
              - dataset: {name: kvr, split: A, size: 20}
              - dataset: {name: kvr, split: B, size: 30}
                training: {learningRate: 0.001, precision: mixed-fp16}
            training: {learningRate: 0.002, batchSize: 8}
            evaluation: {maxNewTokens: 16}
            grid:
              methods:
                - name: naive
                - name: remix
                  mixing: {source: random-words, ratio: 1, stages: [0, 1], wordsPerSequence: 10}
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    @Inject
    RunStates states;

    private String waitingFor(String runId) {
        return states.find(runId).orElseThrow().waitingFor(java.time.Instant.now());
    }

    @Test
    void aTwoStageRunIsPlannedTrainedEvaluatedAndCompleted() throws Exception {
        String experimentId = UUID.randomUUID().toString();
        ExperimentSpec spec = Specs.valid(SPEC);
        double completedBefore = Metrics.value("mnemo_data_runs_total", "completed");
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(experimentId, spec, "test"));

            // Planned: the experiment, its two runs, stage 0 of each prepared and sent to the trainers.
            ExperimentPlanned planned = broker.awaitOne(ExperimentPlanned.class, e -> experimentId.equals(e.experimentId()));
            assertEquals("choreography", planned.name());
            assertEquals(2, planned.runIds().size());
            Map<String, RunPlanned> runs = broker.await(RunPlanned.class, 2, e -> experimentId.equals(e.experimentId()))
                    .stream().collect(Collectors.toMap(RunPlanned::label, Function.identity()));
            RunPlanned naive = runs.get("naive/seed0");
            RunPlanned remix = runs.get("remix(random-words x1)/seed0");
            assertEquals(List.of("kvr:A", "kvr:B"), naive.stages());
            assertEquals(null, naive.mixRatio());
            assertEquals(1.0, remix.mixRatio());
            assertEquals("remix", remix.method());
            assertEquals(planned.runIds(), List.of(naive.runId(), remix.runId()));
            assertTrue(Files.exists(store.run(naive.runId()).plan()), "plan.json written");

            Map<String, DatasetPrepared> datasets = broker.await(DatasetPrepared.class, 2,
                    e -> experimentId.equals(e.experimentId())).stream()
                    .collect(Collectors.toMap(DatasetPrepared::runId, Function.identity()));
            assertEquals(new DatasetManifest.Counts(20, 0, 0, 20, 0), datasets.get(naive.runId()).manifest().counts());
            assertEquals(new DatasetManifest.Counts(20, 20, 0, 40, 0), datasets.get(remix.runId()).manifest().counts());
            assertEquals("kvr:A", datasets.get(remix.runId()).dataset());

            Map<String, TrainingJob> jobs = broker.await(TrainingJob.class, 2, e -> experimentId.equals(e.experimentId()))
                    .stream().collect(Collectors.toMap(TrainingJob::runId, Function.identity()));
            TrainingJob job0 = jobs.get(naive.runId());
            ArtifactLayout.Run run = store.run(naive.runId());
            StoppingRule kvrRule = new StoppingRule("fixed-epochs", 20, 1e-4, 10);
            assertEquals(0, job0.stageIndex());
            assertEquals(1, job0.attempt());
            assertEquals(ModelRef.preset("tiny", 0), job0.model());
            assertEquals(new TrainingSettings(0.002, 8, 0.05, 0.0, 1.0, 0, 2048, kvrRule), job0.settings());
            assertEquals(store.uri(run.stage(0).dataset()), job0.datasetUri());
            assertEquals(store.uri(run.stage(0).checkpoint()), job0.checkpointUri());
            assertEquals(20, PreparedRows.read(store.path(job0.datasetUri())).size());
            assertEquals(40, PreparedRows.read(store.path(jobs.get(remix.runId()).datasetUri())).size());

            // The trainer finishes stage 0: its evaluation and stage 1's training start together.
            broker.publish(StageCompleted.of(experimentId, naive.runId(), 0, 1, job0.checkpointUri(), 60, 20, 0.01,
                    "fixed-epochs", 2.5, 1000));
            EvalJob eval0 = broker.awaitOne(EvalJob.class, e -> naive.runId().equals(e.runId()) && e.stageIndex() == 0);
            assertEquals(job0.checkpointUri(), eval0.checkpointUri());
            assertEquals(List.of(new EvalTarget(0, "kvr:A", job0.datasetUri(), "exact-match", 16)), eval0.targets());
            assertEquals(store.uri(run.stage(0).predictions()), eval0.outputUri());
            assertEquals(null, eval0.precision(), "stage 0 trained in the default fp32");

            TrainingJob job1 = broker.awaitOne(TrainingJob.class,
                    e -> naive.runId().equals(e.runId()) && e.stageIndex() == 1);
            assertEquals(ModelRef.uri(job0.checkpointUri()), job1.model());
            assertEquals(new TrainingSettings(0.001, 8, 0.05, 0.0, 1.0, 0, 2048, kvrRule, null, null, null,
                    "mixed-fp16"), job1.settings());
            assertEquals(store.uri(run.stage(1).checkpoint()), job1.checkpointUri());
            DatasetPrepared dataset1 = broker.awaitOne(DatasetPrepared.class,
                    e -> naive.runId().equals(e.runId()) && e.stageIndex() == 1);
            assertEquals("kvr:B", dataset1.dataset());
            assertEquals(new DatasetManifest.Counts(30, 0, 0, 30, 0), dataset1.manifest().counts());

            // A redelivered StageCompleted neither evaluates stage 0 again nor starts stage 1 twice.
            broker.publish(StageCompleted.of(experimentId, naive.runId(), 0, 1, job0.checkpointUri(), 60, 20, 0.01,
                    "fixed-epochs", 2.5, 1000));
            assertEquals(1, broker.within(EvalJob.class, 2,
                    e -> naive.runId().equals(e.runId()) && e.stageIndex() == 0).size());
            assertEquals(1, broker.within(TrainingJob.class, 2,
                    e -> naive.runId().equals(e.runId()) && e.stageIndex() == 1).size());

            // Stage 1 trains; its evaluation covers both stages' facts.
            broker.publish(StageCompleted.of(experimentId, naive.runId(), 1, 1, job1.checkpointUri(), 80, 20, 0.02,
                    "fixed-epochs", 3.0, 1000));
            EvalJob eval1 = broker.awaitOne(EvalJob.class, e -> naive.runId().equals(e.runId()) && e.stageIndex() == 1);
            assertEquals(List.of(new EvalTarget(0, "kvr:A", job0.datasetUri(), "exact-match", 16),
                    new EvalTarget(1, "kvr:B", job1.datasetUri(), "exact-match", 16)), eval1.targets());
            assertEquals("mixed-fp16", eval1.precision(), "evaluated in the precision stage 1 trained in");
            assertEquals(0, broker.within(TrainingJob.class, 1,
                    e -> naive.runId().equals(e.runId()) && e.stageIndex() == 2).size(), "there is no stage 2");

            // The evaluator reports the last stage first: the run waits for stage 0's evaluation, then completes.
            EvalCompleted last = EvalCompleted.of(experimentId, naive.runId(), 1, job1.checkpointUri(), List.of(
                    new EvalResult(0, "kvr:A", "exact-match", 20, 9, 0.45, 0.7, eval1.outputUri() + "/0.jsonl"),
                    new EvalResult(1, "kvr:B", "exact-match", 30, 30, 1.0, 1.0, eval1.outputUri() + "/1.jsonl")),
                    4.0);
            broker.publish(last);
            assertEquals(0, broker.within(RunCompleted.class, 1, e -> naive.runId().equals(e.runId())).size(),
                    "stage 0's evaluation is still out");
            assertEquals("evaluation of stage 0", waitingFor(naive.runId()).replaceAll(" for \\d+ s", ""));
            broker.publish(EvalCompleted.of(experimentId, naive.runId(), 0, job0.checkpointUri(), List.of(
                    new EvalResult(0, "kvr:A", "exact-match", 20, 20, 1.0, 1.0, eval0.outputUri() + "/0.jsonl")), 2.0));
            RunCompleted completed = broker.awaitOne(RunCompleted.class, e -> naive.runId().equals(e.runId()));
            assertEquals(2, completed.stages());
            assertEquals(experimentId, completed.experimentId());

            // Replayed evaluations end nothing twice.
            broker.publish(last);
            assertEquals(1, broker.within(RunCompleted.class, 2, e -> naive.runId().equals(e.runId())).size());
            assertEquals(RunPhase.COMPLETED, states.find(naive.runId()).orElseThrow().phase());
        }
        assertTrue(Metrics.value("mnemo_data_runs_total", "completed") >= completedBefore + 1);
        assertTrue(Metrics.value("mnemo_data_experiments_total", "accepted") >= 1);
        assertTrue(Metrics.value("mnemo_data_runs_total", "planned") >= 2);
        assertTrue(Metrics.value(DataMetrics.PREPARE.replace('.', '_') + "_count", null) >= 3);
    }
}
