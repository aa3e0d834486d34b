package ai.mnemo.events;

import ai.mnemo.events.spec.DatasetSpec;
import ai.mnemo.events.spec.EvaluationSpec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.GridSpec;
import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.MixingSpec;
import ai.mnemo.events.spec.ModelSpec;
import ai.mnemo.events.spec.StageSpec;
import ai.mnemo.events.spec.StoppingSpec;
import ai.mnemo.events.spec.TrainingSpec;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.events.v1.DeviceCost;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.StageMethod;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.events.v1.TrainingStarted;
import java.time.Instant;
import java.util.List;

/** One fixed instance of every event type; the golden files are these, serialized. */
final class EventFixtures {

    static final Instant AT = Instant.parse("2025-03-14T15:09:26.535Z");
    static final String EXPERIMENT = "7f9c2d1e-3b4a-4c5d-9e8f-0a1b2c3d4e5f";
    static final String RUN = "run-7f9c2d1e-remix-2.0-s0";
    static final String RUN_DIR = "file:/artifacts/7f9c2d1e/" + RUN;
    static final String CHECKPOINT_0 = RUN_DIR + "/stage-0/checkpoint";
    static final String CHECKPOINT_1 = RUN_DIR + "/stage-1/checkpoint";

    private EventFixtures() {
    }

    static List<MnemoEvent> all() {
        return List.of(
                new ExperimentRequested(id(1), AT, EXPERIMENT, quickstart(), "ada"),
                new ExperimentPlanned(id(2), AT, EXPERIMENT, "quickstart",
                        List.of("run-7f9c2d1e-naive-s0", RUN)),
                new ExperimentRejected(id(3), AT, EXPERIMENT,
                        "stages[1].dataset.size: must be between 1 and 100000 (was 0)", "stages[1].dataset.size"),
                new RunPlanned(id(4), AT, EXPERIMENT, RUN, "remix", 2.0, 0L, "remix random-words x2.0 seed 0",
                        List.of("kvr:A", "kvr:B")),
                new RunCompleted(id(5), AT, EXPERIMENT, RUN, 2),
                new RunFailed(id(6), AT, EXPERIMENT, RUN, 1, "stage 1 did not reach 100% exact match in 400 epochs"),
                new DatasetPrepared(id(7), AT, EXPERIMENT, RUN, 0, "popqa:A",
                        RUN_DIR + "/stage-0/rows.jsonl", manifest()),
                new DatasetFailed(id(8), AT, EXPERIMENT, RUN, 1, "popqa:B",
                        "only 812 usable facts left for split B; 1000 needed", "stages[1].dataset.size"),
                new TrainingJob(id(9), AT, EXPERIMENT, RUN, 0, 1, ModelRef.preset("tiny", 0L),
                        RUN_DIR + "/stage-0/rows.jsonl", CHECKPOINT_0, methodSettings()),
                new TrainingStarted(id(10), AT, EXPERIMENT, RUN, 0, 1, "trainer-0", 1250L, 0L),
                new TrainingProgress(id(11), AT, EXPERIMENT, RUN, 0, 120L, 3, 0.8125, 0.0015, 5120.5, 0.42, 0.0625),
                new StageCompleted(id(12), AT, EXPERIMENT, RUN, 0, 1, CHECKPOINT_0, 1000L, 25, 0.0003,
                        "memorized", 312.5, 4800.25, new DeviceCost("gpu", 625.0, 312.5, 2, "NVIDIA H200")),
                new TrainingFailed(id(13), AT, EXPERIMENT, RUN, 1, 2, "out of memory at step 17", true),
                new EvalJob(id(14), AT, EXPERIMENT, RUN, 1, CHECKPOINT_1, List.of(
                        new EvalTarget(0, "kvr:A", RUN_DIR + "/stage-0/rows.jsonl", "exact-match", 16),
                        new EvalTarget(1, "kvr:B", RUN_DIR + "/stage-1/rows.jsonl", "exact-match", 16)),
                        RUN_DIR + "/stage-1/eval", "mixed-fp16"),
                new ProbeJob(id(15), AT, EXPERIMENT, "probe-popqa-A", ModelRef.uri("file:/models/Meta-Llama-3-8B"),
                        "file:/artifacts/7f9c2d1e/probes/popqa-A/candidates.jsonl", 5, 32, "substring",
                        "file:/artifacts/7f9c2d1e/probes/popqa-A"),
                new EvalCompleted(id(16), AT, EXPERIMENT, RUN, 1, CHECKPOINT_1, List.of(
                        new EvalResult(0, "kvr:A", "exact-match", 100, 37, 0.37, 0.61,
                                RUN_DIR + "/stage-1/eval/stage-0.jsonl", -1.25, 0.75, new LogitLens(
                                        List.of(0.01, 0.25, 0.5), List.of(0.0, 0.25, 0.5), List.of(0, 25, 25), 50)),
                        new EvalResult(1, "kvr:B", "exact-match", 100, 100, 1.0, 1.0,
                                RUN_DIR + "/stage-1/eval/stage-1.jsonl")), 12.75,
                        new DeviceCost("cpu", 40.5, 12.75, 4, "AMD EPYC 7B13")),
                new ProbeCompleted(id(17), AT, EXPERIMENT, "probe-popqa-A", 3000, 1100, 1900,
                        "file:/artifacts/7f9c2d1e/probes/popqa-A/unknown.jsonl"),
                new EvalFailed(id(18), AT, EXPERIMENT, null, null, "probe-popqa-A",
                        "checkpoint directory has no tokenizer.json"),
                new ExperimentCancelled(id(19), AT, EXPERIMENT, "ada"));
    }

    static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** The quickstart of docs/experiment-spec.md, built by hand so the fixtures depend on no parser. */
    static ExperimentSpec quickstart() {
        return new ExperimentSpec("quickstart",
                new ModelSpec("tiny", null, 0L),
                List.of(new StageSpec(new DatasetSpec("kvr", "A", 100, null, null, null, null, null), null, null),
                        new StageSpec(new DatasetSpec("kvr", "B", 100, null, null, null, null, null), null, null)),
                new TrainingSpec(0.002, 32, null, null, null, null, new StoppingSpec("memorized", 400, null, null), null, null, null),
                new EvaluationSpec(16, null),
                new GridSpec(List.of(new MethodSpec("naive", null, null),
                        new MethodSpec("remix", new MixingSpec("random-words", 2.0, List.of(0, 1), 50, null), null)),
                        null, List.of(0L)));
    }

    static TrainingSettings settings() {
        return new TrainingSettings(0.002, 32, 0.05, 0.0, 1.0, 0L, 2048,
                new StoppingRule(StoppingRule.MEMORIZED, 400, 1e-4, 10));
    }

    /**
     * Every part of the settings: a KL term and LoRA adapters, in micro-batches of 8, in mixed precision (the format,
     * not a plan).
     */
    static TrainingSettings methodSettings() {
        return new TrainingSettings(0.002, 32, 0.05, 0.0, 1.0, 0L, 2048,
                new StoppingRule(StoppingRule.MEMORIZED, 400, 1e-4, 10), 8, TrainingSettings.LOSS_ANSWER,
                new StageMethod(new StageMethod.Kl(0.5), null, new StageMethod.Lora(16, 32.0, List.of("q", "v")),
                        null), TrainingSettings.PRECISION_MIXED);
    }

    static DatasetManifest manifest() {
        return new DatasetManifest("popqa:A", 0L,
                List.of(new DatasetManifest.SourceFile("popqa/popqa.jsonl",
                        "3b5d5c3712955042212316173ccf37be800e7b3b1e1b7e3f5a1e6d1b2c3d4e5f")),
                new DatasetManifest.Counts(1000, 0, 0, 1000),
                "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
                new DatasetManifest.ProbeCounts(3000, 1100, 1900));
    }
}
