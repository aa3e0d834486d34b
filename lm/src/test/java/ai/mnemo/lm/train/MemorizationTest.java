package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import ai.mnemo.lm.testing.KvrRows;
import ai.mnemo.lm.testing.TinyCheckpoint;
import java.nio.file.Path;
import java.util.List;
import ai.mnemo.datasets.metrics.Metric;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny preset memorizes KVR facts through the real loop (chat template, masked loss, AdamW, the memorized
 * stopping rule), and greedy generation then returns every value verbatim. 32 facts keep it a few seconds; the
 * paper-sized run of 200 facts is {@code ./mnemo bench memorize}.
 */
class MemorizationTest {

    @Test
    void tinyModelMemorizesKvrFactsAndStopsAtTheFirstPerfectEpoch(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            try (HfCheckpoint.Loaded loaded = TinyCheckpoint.load(dir, root)) {
                ChatTemplate template = TinyCheckpoint.template(loaded);
                KvrRows kvr = KvrRows.of(32, 0, template);
                TrainingOptions options = TrainingOptions.builder(new StoppingRule.Memorized(200))
                        .optLearningRate(3e-3).optCheckpointEveryEpochs(0).build();
                MemorizationProbe probe = new MemorizationProbe(kvr.rows(), kvr.answers(), template,
                        Metric.EXACT_MATCH, 32, 12);
                TrainingResult result = new Trainer(loaded.model(), options, TrainingListener.NONE)
                        .train(kvr.rows(), adam(loaded, options), null, probe, CheckpointSink.NONE);

                assertEquals("memorized", result.stopReason());
                assertEquals(1.0, result.exactMatch());
                assertTrue(result.epochs() < 200);
                List<int[]> outputs = new GreedyGenerator(loaded.model(), 16)
                        .generate(kvr.rows().stream().map(r -> r.prompt()).toList(), 12);
                for (int i = 0; i < outputs.size(); i++) {
                    assertEquals(kvr.answers().get(i), template.decode(outputs.get(i)), "fact " + i);
                }
            }
        }
    }

    @Test
    void reachingTheCapFirstFailsTheStage(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            try (HfCheckpoint.Loaded loaded = TinyCheckpoint.load(dir, root)) {
                ChatTemplate template = TinyCheckpoint.template(loaded);
                KvrRows kvr = KvrRows.of(32, 1, template);
                TrainingOptions options = TrainingOptions.builder(new StoppingRule.Memorized(2))
                        .optLearningRate(3e-3).optCheckpointEveryEpochs(0).build();
                TrainingResult result = new Trainer(loaded.model(), options, TrainingListener.NONE).train(kvr.rows(),
                        adam(loaded, options), null,
                        new MemorizationProbe(kvr.rows(), kvr.answers(), template, Metric.EXACT_MATCH, 32, 12),
                        CheckpointSink.NONE);
                assertEquals("not-memorized", result.stopReason());
                assertTrue(result.failed());
                assertEquals(2, result.epochs());
            }
        }
    }

    @Test
    void lossThresholdStopsAtTheStepWhereEnoughStepsWereBelowIt(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            try (HfCheckpoint.Loaded loaded = TinyCheckpoint.load(dir, root)) {
                ChatTemplate template = TinyCheckpoint.template(loaded);
                KvrRows kvr = KvrRows.of(16, 2, template);
                double threshold = 0.5;
                TrainingOptions options = TrainingOptions.builder(new StoppingRule.LossThreshold(threshold, 5, 300))
                        .optLearningRate(3e-3).optBatchSize(8).optCheckpointEveryEpochs(0).build();
                List<Double> losses = new java.util.ArrayList<>();
                TrainingListener recorder = new TrainingListener() {
                    @Override
                    public void onStep(StepReport report) {
                        losses.add(report.loss());
                    }
                };
                TrainingResult result = new Trainer(loaded.model(), options, recorder)
                        .train(kvr.rows(), adam(loaded, options), null, null, CheckpointSink.NONE);
                assertEquals("loss-threshold", result.stopReason());
                assertEquals(5, losses.stream().filter(l -> l < threshold).count(), "counted cumulatively: " + losses);
                assertTrue(losses.get(losses.size() - 1) < threshold);
                assertEquals(losses.size(), result.steps());
            }
        }
    }

    /**
     * At every epoch of a run from 0% to 100%, the probe's figure is the one of generating every row and judging it
     * with the metric, the way the evaluation does; fixed epochs, so the states after memorization count too.
     */
    @Test
    void theProbeAgreesWithGeneratingEveryRow(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            try (HfCheckpoint.Loaded loaded = TinyCheckpoint.load(dir, root)) {
                ChatTemplate template = TinyCheckpoint.template(loaded);
                KvrRows kvr = KvrRows.of(24, 3, template);
                MemorizationProbe probe = new MemorizationProbe(kvr.rows(), kvr.answers(), template,
                        Metric.EXACT_MATCH, 16, 12);
                List<double[]> figures = new ArrayList<>();
                MemorizationCheck both = model -> {
                    double probed = probe.exactMatch(model);
                    List<int[]> outputs = new GreedyGenerator(model, 16)
                            .generate(kvr.rows().stream().map(r -> r.prompt()).toList(), 12);
                    int correct = 0;
                    for (int i = 0; i < outputs.size(); i++) {
                        correct += Metric.EXACT_MATCH.correct(template.decode(outputs.get(i)), kvr.answers().get(i))
                                ? 1 : 0;
                    }
                    figures.add(new double[] {probed, (double) correct / outputs.size()});
                    return probed;
                };
                TrainingOptions options = TrainingOptions.builder(new StoppingRule.Memorized(90))
                        .optLearningRate(3e-3).optCheckpointEveryEpochs(0).build();
                new Trainer(loaded.model(), options, TrainingListener.NONE).train(kvr.rows(), adam(loaded, options),
                        null, both, CheckpointSink.NONE);
                for (int epoch = 0; epoch < figures.size(); epoch++) {
                    assertEquals(figures.get(epoch)[1], figures.get(epoch)[0], 1e-12, "exact match after epoch "
                            + (epoch + 1));
                }
                assertTrue(figures.stream().anyMatch(f -> f[1] > 0 && f[1] < 1), "some epochs are part-way");
            }
        }
    }

    private static AdamW adam(HfCheckpoint.Loaded loaded, TrainingOptions o) {
        return AdamW.forTraining(loaded.model(), o);
    }
}
