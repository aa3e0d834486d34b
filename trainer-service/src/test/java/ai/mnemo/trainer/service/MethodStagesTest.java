package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.StageMethod;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.lora.AdapterCheckpoint;
import ai.mnemo.lm.penalty.FisherFiles;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.trainer.TestJobs;
import ai.mnemo.trainer.metrics.TrainerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The methods that change training, through the real trainer on the tiny model: EWC keeps stage 0's Fisher and
 * penalises drifting from its weights, KL penalises drifting from the stage-start model, LoRA trains adapters saved
 * in PEFT's layout that the next stage continues (or merges, when it trains every weight).
 */
class MethodStagesTest {

    @TempDir
    Path root;

    private final RecordingSink sink = new RecordingSink();
    private final TrainerMetrics metrics = new TrainerMetrics(new SimpleMeterRegistry());

    @Test
    void ewcKeepsTheFisherOfStageZeroAndPenalisesDriftInStageOne() throws Exception {
        ArtifactStore store = new ArtifactStore(root);
        TrainingJob stage0 = job(store, "run-ewc", 0, ModelRef.preset("tiny", 0),
                new StageMethod(null, null, null, true));
        completed(stage0);
        Path anchor = store.path(stage0.checkpointUri());
        assertTrue(FisherFiles.present(anchor), "stage 0 keeps its Fisher information");

        // A redelivery that finds the checkpoint finished but the Fisher missing writes it again.
        Files.delete(anchor.resolve(FisherFiles.FILE));
        completed(stage0);
        assertTrue(FisherFiles.present(anchor));

        sink.clear();
        TrainingJob stage1 = job(store, "run-ewc", 1, ModelRef.uri(stage0.checkpointUri()),
                new StageMethod(null, new StageMethod.Ewc(1e4, stage0.checkpointUri()), null, null));
        completed(stage1);
        List<Double> penalties = penalties();
        assertEquals(0.0, penalties.get(0), 1e-12, "no drift before the first step");
        assertTrue(penalties.get(penalties.size() - 1) > 0, "drift away from stage 0 costs: " + penalties);
    }

    @Test
    void klComparesWithTheFrozenStageStartModel() {
        ArtifactStore store = new ArtifactStore(root);
        TrainingJob stage0 = job(store, "run-kl", 0, ModelRef.preset("tiny", 0), null);
        completed(stage0);
        assertTrue(penalties().isEmpty(), "a plain stage reports no penalty");

        TrainingJob stage1 = job(store, "run-kl", 1, ModelRef.uri(stage0.checkpointUri()),
                new StageMethod(new StageMethod.Kl(1.0), null, null, null));
        completed(stage1);
        List<Double> penalties = penalties();
        assertTrue(penalties.stream().allMatch(p -> p >= 0), "a KL divergence is never negative: " + penalties);
        assertTrue(penalties.get(penalties.size() - 1) > 1e-6, "training moves the model away: " + penalties);
    }

    @Test
    void loraTrainsAdaptersWhichTheNextLoraStageContinuesAndAFullStageMerges() {
        ArtifactStore store = new ArtifactStore(root);
        TrainingJob stage0 = job(store, "run-lora", 0, ModelRef.preset("tiny", 0), null);
        completed(stage0);
        StageMethod lora = new StageMethod(null, null, new StageMethod.Lora(4, 8.0, List.of("q", "v", "down")),
                null);

        TrainingJob stage1 = job(store, "run-lora", 1, ModelRef.uri(stage0.checkpointUri()), lora);
        completed(stage1);
        Path adapters = store.path(stage1.checkpointUri());
        assertTrue(AdapterCheckpoint.isAdapterDirectory(adapters));
        assertFalse(Files.exists(adapters.resolve("model.safetensors")), "the frozen weights are not copied");
        assertEquals(store.path(stage0.checkpointUri()), AdapterCheckpoint.baseOf(adapters));
        assertEquals(List.of("q_proj", "v_proj", "down_proj"), AdapterCheckpoint.config(adapters).targetModules());
        assertNotEquals(logits(store.path(stage0.checkpointUri())), logits(adapters), "the adapters changed it");

        TrainingJob stage2 = job(store, "run-lora", 2, ModelRef.uri(stage1.checkpointUri()), lora);
        completed(stage2);
        assertEquals(store.path(stage0.checkpointUri()), AdapterCheckpoint.baseOf(store.path(stage2.checkpointUri())),
                "consecutive LoRA stages share the frozen base");

        TrainingJob stage3 = job(store, "run-lora", 3, ModelRef.uri(stage2.checkpointUri()), null);
        completed(stage3);
        Path merged = store.path(stage3.checkpointUri());
        assertFalse(AdapterCheckpoint.isAdapterDirectory(merged));
        assertNull(HfCheckpoint.missingPart(merged), "a full stage after LoRA saves whole weights");
    }

    @Test
    void aStoppedLoraStageResumesItsAdapters() {
        ArtifactStore store = new ArtifactStore(root);
        TrainingJob stage0 = job(store, "run-resume", 0, ModelRef.preset("tiny", 0), null);
        completed(stage0);
        TrainingJob stage1 = job(store, "run-resume", 1, ModelRef.uri(stage0.checkpointUri()),
                new StageMethod(null, null, new StageMethod.Lora(2, 4.0, List.of("o")), null));
        StageOutcome stopped = new StageTrainer(store, new TestTrainerConfig(1, 1), sink, metrics,
                () -> sink.all(TrainingProgress.class).stream().anyMatch(p -> p.stageIndex() == 1 && p.step() >= 2),
                "test:1").run(stage1);
        assertEquals(new StageOutcome.Interrupted(2), stopped);
        StageCompleted done = completed(stage1);
        assertEquals(4, done.steps());
    }

    /** 8 KVR facts in batches of 4, 2 fixed epochs: 4 steps. */
    private TrainingJob job(ArtifactStore store, String runId, int stage, ModelRef model, StageMethod method) {
        Path data = TestJobs.writeKvr(store, runId, stage, 8, 10 + stage);
        TrainingSettings settings = TestJobs.settings(TestJobs.fixedEpochs(2), 3e-3, 4).withMethod(method);
        return TrainingJob.of("exp-" + runId, runId, stage, 1, model, store.uri(data),
                TestJobs.checkpointUri(store, runId, stage), settings);
    }

    private StageCompleted completed(TrainingJob job) {
        StageOutcome outcome = new StageTrainer(new ArtifactStore(root), new TestTrainerConfig(1, 1), sink, metrics,
                () -> false, "test:1").run(job);
        return assertInstanceOf(StageOutcome.Completed.class, outcome).event();
    }

    private List<Double> penalties() {
        return sink.all(TrainingProgress.class).stream().map(TrainingProgress::penalty).filter(Objects::nonNull)
                .toList();
    }

    private static List<Float> logits(Path dir) {
        try (NDManager manager = TorchRuntime.newManager();
                HfCheckpoint.Loaded loaded = ModelDirectory.load(dir, manager)) {
            float[] values = loaded.model().logits(manager.create(new long[][] {{256, 72, 105}}), manager)
                    .toFloatArray();
            return List.of(values[0], values[100], values[values.length - 1]);
        }
    }
}
