package ai.mnemo.results;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.DeviceCost;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.testing.KafkaTestClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events of one complete experiment with one run of two stages (kvr:A then kvr:B), in the order the
 * choreography emits them: 22 events over all seven topics. Timestamps are fixed for the test run; event ids are
 * fresh for each {@link #events()} call, so the same lineage can be re-emitted under new ids.
 */
public final class SyntheticLineage {

    public static final String SPEC_YAML = """
            name: synthetic
            model: {preset: tiny, seed: 0}
            stages:
              - dataset: {name: kvr, split: A, size: 10}
              - dataset: {name: kvr, split: B, size: 10}
            training:
              learningRate: 0.002
              stopping: {rule: memorized, epochs: 400}
            grid:
              methods: [{name: naive}]
              seeds: [7]
            """;
    /**
     * When the lineage starts: the start of this test run (whole seconds), so that its experiments are among the
     * newest in a reused database (GET /api/experiments lists the newest first, 100 by default).
     */
    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public static final List<String> DATASETS = List.of("kvr:A", "kvr:B");

    public final String experimentId;
    public final String runId;
    private int second;

    public SyntheticLineage(String experimentId, String runId) {
        this.experimentId = experimentId;
        this.runId = runId;
    }

    /** A lineage with random ids. */
    public static SyntheticLineage fresh() {
        String experimentId = UUID.randomUUID().toString();
        return new SyntheticLineage(experimentId, "run-" + experimentId.substring(0, 8) + "-naive-s7");
    }

    public String stageDir(int stage) {
        return "file:/artifacts/runs/" + runId + "/stages/" + stage;
    }

    public static double accuracy(int checkpointStage, int datasetStage) {
        return checkpointStage == datasetStage ? 1.0 : 0.4;
    }

    public static double loss(int stage, int point) {
        return 2.0 / (1 + point) + stage;
    }

    /** Every event in emission order, each with a new event id. */
    public List<MnemoEvent> events() {
        second = 0;
        ExperimentSpec spec = ExperimentSpecs.parse(SPEC_YAML);
        List<MnemoEvent> events = new ArrayList<>();
        events.add(new ExperimentRequested(id(), at(), experimentId, spec, "ada"));
        events.add(new ExperimentPlanned(id(), at(), experimentId, "synthetic", List.of(runId)));
        events.add(new RunPlanned(id(), at(), experimentId, runId, "naive", null, 7L, "naive seed 7", DATASETS));
        for (int stage = 0; stage < 2; stage++) {
            stage(events, stage);
        }
        events.add(new RunCompleted(id(), at(), experimentId, runId, 2));
        return events;
    }

    private void stage(List<MnemoEvent> events, int stage) {
        String rows = stageDir(stage) + "/dataset.jsonl";
        String checkpoint = stageDir(stage) + "/checkpoint";
        events.add(new DatasetPrepared(id(), at(), experimentId, runId, stage, DATASETS.get(stage), rows,
                new DatasetManifest(DATASETS.get(stage), 7L, List.of(), new DatasetManifest.Counts(10, 0, 0, 10),
                        "sha-" + stage, null)));
        ModelRef model = stage == 0 ? ModelRef.preset("tiny", 0L) : ModelRef.uri(stageDir(0) + "/checkpoint");
        events.add(new TrainingJob(id(), at(), experimentId, runId, stage, 1, model, rows, checkpoint,
                new TrainingSettings(0.002, 32, 0.05, 0.0, 1.0, 7L, 2048,
                        new StoppingRule(StoppingRule.MEMORIZED, 400, 1e-4, 10))));
        events.add(new TrainingStarted(id(), at(), experimentId, runId, stage, 1, "trainer-0", 400L, 0L));
        for (int point = 0; point < 3; point++) {
            events.add(new TrainingProgress(id(), at(), experimentId, runId, stage, 10L * (point + 1), point + 1,
                    loss(stage, point), 0.002, 1000.0, point == 2 ? 1.0 : null, null));
        }
        events.add(new StageCompleted(id(), at(), experimentId, runId, stage, 1, checkpoint, 30L, 3,
                loss(stage, 2), "memorized", 12.5, 1000.0, trainingCost(stage)));
        List<EvalTarget> targets = new ArrayList<>();
        List<EvalResult> results = new ArrayList<>();
        for (int seen = 0; seen <= stage; seen++) {
            targets.add(new EvalTarget(seen, DATASETS.get(seen), stageDir(seen) + "/dataset.jsonl", "exact-match", 16));
            double accuracy = accuracy(stage, seen);
            results.add(new EvalResult(seen, DATASETS.get(seen), "exact-match", 10, (int) Math.round(accuracy * 10),
                    accuracy, accuracy * 0.9, stageDir(stage) + "/predictions/" + seen + ".jsonl"));
        }
        events.add(new EvalJob(id(), at(), experimentId, runId, stage, checkpoint, targets,
                stageDir(stage) + "/predictions"));
        events.add(new EvalCompleted(id(), at(), experimentId, runId, stage, checkpoint, results, 2.5,
                stage == 0 ? new DeviceCost("cpu", 4.5, 2.5, 2, CPU_MODEL) : null));
    }

    static final String CPU_MODEL = "AMD EPYC 7B13";
    static final String GPU_MODEL = "NVIDIA H200";

    /** Stage 0 trained on a CPU, stage 1 on a GPU; stage 1's evaluation sent no cost (an older evaluator). */
    static DeviceCost trainingCost(int stage) {
        return stage == 0 ? new DeviceCost("cpu", 24.0, 12.5, 2, CPU_MODEL)
                : new DeviceCost("gpu", 12.5, 12.5, 1, GPU_MODEL);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private Instant at() {
        return T0.plusSeconds(second++);
    }

    /** Publishes each event to its topic, keyed like EventPublisher does. */
    public static void publish(KafkaTestClient client, List<MnemoEvent> events) {
        for (MnemoEvent event : events) {
            client.publish(Topics.of(event), event.key(), EventCodec.encode(event));
        }
    }
}
