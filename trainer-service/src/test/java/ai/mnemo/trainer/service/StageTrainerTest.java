package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.lm.train.TrainingState;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.trainer.TestJobs;
import ai.mnemo.trainer.metrics.TrainerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training flow without a broker: a job stopped for shutdown leaves a resumable checkpoint and resumes from
 * it, a finished checkpoint is announced again instead of retrained, and failures carry a reason.
 */
class StageTrainerTest {

    @TempDir
    Path root;

    private final RecordingSink sink = new RecordingSink();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrainerMetrics metrics = new TrainerMetrics(registry);

    @Test
    void aStoppedJobResumesFromItsCheckpointAndAFinishedOneIsNotTrainedAgain() throws Exception {
        ArtifactStore store = new ArtifactStore(root);
        Path data = TestJobs.writeKvr(store, "run-a", 0, 8, 1);
        // 8 rows in batches of 4: 2 steps per epoch, 6 steps in all; the stop comes mid-epoch 2.
        TrainingJob job = TestJobs.job(store, "run-a", 0, store.uri(data),
                TestJobs.settings(TestJobs.fixedEpochs(3), 3e-3, 4));
        Path checkpoint = store.path(job.checkpointUri());

        StageOutcome first = trainer(store, () -> sink.all(TrainingProgress.class).stream()
                .anyMatch(p -> p.step() >= 3)).run(job);
        assertEquals(new StageOutcome.Interrupted(3), first);
        TrainingState saved = TrainingCheckpoint.state(checkpoint);
        assertEquals(3, saved.step());
        assertFalse(saved.finished());
        assertEquals(6, sink.all(TrainingStarted.class).get(0).plannedSteps());
        assertEquals(3, registry.get(TrainerMetrics.STEP_SECONDS).timer().count());

        sink.clear();
        StageOutcome second = trainer(store, () -> false).run(job);
        TrainingStarted resumed = sink.all(TrainingStarted.class).get(0);
        assertEquals(3, resumed.resumedFromStep());
        assertEquals(6, resumed.plannedSteps());
        StageCompleted completed = assertInstanceOf(StageOutcome.Completed.class, second).event();
        assertEquals(6, completed.steps());
        assertEquals(3, completed.epochs());
        assertEquals("fixed-epochs", completed.stopReason());
        assertEquals(job.checkpointUri(), completed.checkpointUri());
        assertTrue(completed.tokensPerSecond() > 0);
        // Progress events count epochs from 1; the epoch ends of epochs 2 and 3 were reported after resuming.
        assertEquals(List.of(2, 3), sink.all(TrainingProgress.class).stream()
                .filter(p -> p.step() % 2 == 0 && p.step() > 3).map(TrainingProgress::epoch).distinct().toList());
        assertTrue(TrainingCheckpoint.state(checkpoint).finished());

        FileTime written = Files.getLastModifiedTime(checkpoint.resolve(TrainingCheckpoint.STATE));
        sink.clear();
        StageOutcome again = trainer(store, () -> false).run(job);
        StageCompleted announced = assertInstanceOf(StageOutcome.Completed.class, again).event();
        assertEquals(completed.steps(), announced.steps());
        assertEquals(completed.epochs(), announced.epochs());
        assertEquals(completed.finalLoss(), announced.finalLoss());
        assertEquals(completed.stopReason(), announced.stopReason());
        assertTrue(sink.all(TrainingStarted.class).isEmpty(), "trained again");
        assertEquals(written, Files.getLastModifiedTime(checkpoint.resolve(TrainingCheckpoint.STATE)));
    }

    @Test
    void missingMemorizationFailsWithTheReachedShareAndSaysSoAgainWhenRedelivered() {
        ArtifactStore store = new ArtifactStore(root);
        Path data = TestJobs.writeKvr(store, "run-b", 0, 8, 2);
        TrainingJob job = TestJobs.job(store, "run-b", 0, store.uri(data),
                TestJobs.settings(TestJobs.memorized(1), 1e-4, 8));

        StageOutcome outcome = trainer(store, () -> false).run(job);
        String reason = assertInstanceOf(StageOutcome.Failed.class, outcome).reason();
        assertTrue(reason.startsWith("stage 0 did not reach 100% exact match on its facts within 1 epochs (reached "),
                reason);
        assertTrue(reason.endsWith("; raise stopping.epochs or the learning rate"), reason);
        List<Double> measured = sink.all(TrainingProgress.class).stream()
                .map(TrainingProgress::exactMatch).filter(Objects::nonNull).toList();
        assertEquals(List.of(0.0), measured, "one epoch end, with the probe's exact match");

        String again = assertInstanceOf(StageOutcome.Failed.class, trainer(store, () -> false).run(job)).reason();
        assertTrue(again.startsWith("stage 0 did not reach 100% exact match on its facts within 1 epochs"), again);
    }

    @Test
    void aRowTooLongForTheSettingsFailsNamingIt() {
        ArtifactStore store = new ArtifactStore(root);
        Path data = TestJobs.writeKvr(store, "run-c", 0, 4, 3);
        TrainingSettings settings = TestJobs.settings(TestJobs.fixedEpochs(1), 1e-3, 4);
        TrainingSettings tight = new TrainingSettings(settings.learningRate(), settings.batchSize(),
                settings.warmupRatio(), settings.weightDecay(), settings.maxGradNorm(), settings.seed(), 20,
                settings.stopping());
        TrainingJob job = TestJobs.job(store, "run-c", 0, store.uri(data), tight);

        JobFailure failure = assertThrows(JobFailure.class, () -> trainer(store, () -> false).run(job));
        assertTrue(failure.getMessage().matches("row fact-0 is \\d+ tokens long, over the limit of 20 "
                + "\\(settings.maxSequenceLength 20, model maximum 1024\\).*"), failure.getMessage());
        assertFalse(Files.exists(store.path(job.checkpointUri())), "nothing trained");
    }

    @Test
    void aMixedFp16JobTrainsAndSavesItsFp32MasterAndABf16OneFailsSayingWhatToUse() {
        ArtifactStore store = new ArtifactStore(root);
        Path data = TestJobs.writeKvr(store, "run-p", 0, 4, 3);
        TrainingJob mixed = TestJobs.job(store, "run-p", 0, store.uri(data),
                withPrecision(TestJobs.settings(TestJobs.fixedEpochs(2), 1e-3, 4),
                        TrainingSettings.PRECISION_MIXED_FP16));
        StageOutcome outcome = trainer(store, () -> false).run(mixed);
        assertInstanceOf(StageOutcome.Completed.class, outcome);
        Path checkpoint = store.path(mixed.checkpointUri());
        assertEquals("F32", SafeTensorsReader.header(checkpoint.resolve("model.safetensors")).values().iterator()
                .next().dtype().name(), "the FP32 master is saved");
        assertTrue(TrainingCheckpoint.state(checkpoint).lossScale() != null);

        TrainingJob bf16 = TestJobs.job(store, "run-q", 0, store.uri(TestJobs.writeKvr(store, "run-q", 0, 4, 3)),
                withPrecision(TestJobs.settings(TestJobs.fixedEpochs(1), 1e-3, 4), TrainingSettings.PRECISION_BF16));
        JobFailure failure = assertThrows(JobFailure.class, () -> trainer(store, () -> false).run(bf16));
        assertTrue(failure.getMessage().contains("train with precision mixed-fp16 or fp32"), failure.getMessage());
    }

    private static TrainingSettings withPrecision(TrainingSettings s, String precision) {
        return new TrainingSettings(s.learningRate(), s.batchSize(), s.warmupRatio(), s.weightDecay(),
                s.maxGradNorm(), s.seed(), s.maxSequenceLength(), s.stopping(), s.microBatchSize(), s.loss(),
                s.method(), precision);
    }

    private StageTrainer trainer(ArtifactStore store, BooleanSupplier stop) {
        return new StageTrainer(store, new TestTrainerConfig(1, 1), sink, metrics, stop, "test:1");
    }

}
