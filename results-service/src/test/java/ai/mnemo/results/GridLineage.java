package ai.mnemo.results;

import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An experiment with a grid, for the retention and comparison endpoints and the report page: two methods (naive,
 * remix with random words x2) x seeds 0, 1 completed over two stages (kvr:A, kvr:B), plus naive seed 2 failed in
 * stage 1 and remix seed 2 still training stage 1. The numbers are chosen so that the statistics can be worked out
 * by hand (see ResultsApiTest); 50 facts per dataset, so every accuracy is a whole number of facts.
 */
public final class GridLineage {

    public static final String SPEC_YAML = """
            name: grid
            model: {preset: tiny, seed: 0}
            stages:
              - dataset: {name: kvr, split: A, size: 50}
              - dataset: {name: kvr, split: B, size: 50}
            training:
              learningRate: 0.002
              stopping: {rule: memorized, epochs: 400}
            grid:
              methods:
                - name: naive
                - name: remix
                  mixing: {source: random-words, ratio: 2}
              seeds: [0, 1, 2]
            """;
    public static final List<String> DATASETS = List.of("kvr:A", "kvr:B");
    public static final String NAIVE = "naive";
    public static final String REMIX = "remix(random-words x2)";
    public static final String FAILURE = "stage 1 did not memorize kvr:B within 400 epochs: raise stopping.epochs";
    static final int FACTS = 50;

    /** How a run ends: completed, failed in its last reached stage, or still training its last reached stage. */
    enum Ending { COMPLETED, FAILED, RUNNING }

    /**
     * @param accuracy [checkpoint stage][dataset stage] for the stages evaluated
     * @param steps per stage trained
     */
    record Script(String method, Double mixRatio, String methodLabel, long seed, Ending ending,
            double[][] accuracy, long[] steps) {

        String label() {
            return methodLabel + "/seed" + seed;
        }
    }

    static final List<Script> RUNS = List.of(
            new Script("naive", null, NAIVE, 0, Ending.COMPLETED, new double[][] {{1.0}, {0.20, 1.0}},
                    new long[] {100, 120}),
            new Script("naive", null, NAIVE, 1, Ending.COMPLETED, new double[][] {{1.0}, {0.30, 0.96}},
                    new long[] {110, 120}),
            new Script("naive", null, NAIVE, 2, Ending.FAILED, new double[][] {{1.0}}, new long[] {105}),
            new Script("remix", 2.0, REMIX, 0, Ending.COMPLETED, new double[][] {{1.0}, {0.70, 1.0}},
                    new long[] {300, 360}),
            new Script("remix", 2.0, REMIX, 1, Ending.COMPLETED, new double[][] {{0.98}, {0.50, 1.0}},
                    new long[] {320, 340}),
            new Script("remix", 2.0, REMIX, 2, Ending.RUNNING, new double[][] {{1.0}}, new long[] {310}));

    public final String experimentId = UUID.randomUUID().toString();

    public String runId(String methodLabel, long seed) {
        return "run-" + experimentId.substring(0, 8) + "-" + methodLabel.replaceAll("[^a-z0-9]+", "-") + "-s" + seed;
    }

    /** Every event of the experiment, in the order the choreography would emit them run by run. */
    public List<MnemoEvent> events() {
        List<MnemoEvent> events = new ArrayList<>();
        List<String> runIds = RUNS.stream().map(s -> runId(s.methodLabel(), s.seed())).toList();
        events.add(ExperimentRequested.of(experimentId, ExperimentSpecs.parse(SPEC_YAML), "ada"));
        events.add(ExperimentPlanned.of(experimentId, "grid", runIds));
        for (Script script : RUNS) {
            run(events, script);
        }
        return events;
    }

    private void run(List<MnemoEvent> events, Script script) {
        String runId = runId(script.methodLabel(), script.seed());
        events.add(RunPlanned.of(experimentId, runId, script.method(), script.mixRatio(), script.seed(),
                script.label(), DATASETS));
        int trained = script.steps().length;
        for (int stage = 0; stage < trained; stage++) {
            stage(events, runId, script, stage);
        }
        switch (script.ending()) {
            case COMPLETED -> events.add(RunCompleted.of(experimentId, runId, DATASETS.size()));
            case FAILED -> {
                events.add(TrainingStarted.of(experimentId, runId, trained, 1, "trainer-0", 400L, 0L));
                events.add(TrainingFailed.of(experimentId, runId, trained, 1, "memorized rule reached 400 epochs"));
                events.add(RunFailed.of(experimentId, runId, trained, FAILURE));
            }
            case RUNNING -> {
                events.add(TrainingStarted.of(experimentId, runId, trained, 1, "trainer-0", 400L, 0L));
                events.add(TrainingProgress.of(experimentId, runId, trained, 10L, 1, 1.5, 0.002, 900.0, null, null));
            }
        }
    }

    private void stage(List<MnemoEvent> events, String runId, Script script, int stage) {
        String dir = "file:/artifacts/runs/" + runId + "/stages/" + stage;
        long steps = script.steps()[stage];
        events.add(DatasetPrepared.of(experimentId, runId, stage, DATASETS.get(stage), dir + "/dataset.jsonl",
                new DatasetManifest(DATASETS.get(stage), script.seed(), List.of(),
                        new DatasetManifest.Counts(FACTS, 0, 0, FACTS), "sha-" + stage, null)));
        events.add(TrainingStarted.of(experimentId, runId, stage, 1, "trainer-0", steps, 0L));
        for (int point = 1; point <= 4; point++) {
            events.add(TrainingProgress.of(experimentId, runId, stage, steps * point / 4, point, loss(script, point),
                    0.002, 1000.0, point == 4 ? 1.0 : null, null));
        }
        events.add(StageCompleted.of(experimentId, runId, stage, 1, dir + "/checkpoint", steps, 4,
                loss(script, 4), "memorized", 12.5, 1000.0));
        List<EvalResult> results = new ArrayList<>();
        for (int seen = 0; seen <= stage; seen++) {
            double accuracy = script.accuracy()[stage][seen];
            results.add(new EvalResult(seen, DATASETS.get(seen), "exact-match", FACTS,
                    (int) Math.round(accuracy * FACTS), accuracy, accuracy * 0.9,
                    dir + "/predictions/" + seen + ".jsonl", logProb(accuracy), tokenAccuracy(accuracy),
                    lens(accuracy)));
        }
        events.add(EvalCompleted.of(experimentId, runId, stage, dir + "/checkpoint", results, 2.5));
    }

    /** Teacher forcing that follows exact match, so the statistics can be worked out by hand. */
    public static double logProb(double accuracy) {
        return -2 * (1 - accuracy);
    }

    public static double tokenAccuracy(double accuracy) {
        return accuracy + (1 - accuracy) / 2;
    }

    /** Three depths: the gold token is never top-1 after the embedding, for half the known facts after layer 1. */
    public static LogitLens lens(double accuracy) {
        int known = (int) Math.round(accuracy * FACTS);
        int early = known / 2;
        return new LogitLens(List.of(0.01, accuracy / 2, accuracy), List.of(0.0, early / (double) FACTS,
                known / (double) FACTS), List.of(0, early, known - early), FACTS - known);
    }

    /** A decreasing curve, a little different per run. */
    private static double loss(Script script, int point) {
        return 3.0 / (point * point) * (1 + 0.1 * script.seed()) + (script.mixRatio() == null ? 0.001 : 0.01);
    }
}
