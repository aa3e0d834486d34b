package ai.mnemo.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingListener;
import ai.mnemo.lm.train.TrainingOptions;

/**
 * One Mnemo side of the trainer benchmark, in its own JVM like the peer's Python process: trains the tiny model on
 * the peer's workload with the peer's settings and prints {@code RESULT tok/s=<x>} measured after the warm-up
 * epochs, exactly as the peer measures.
 *
 * <p>Arguments: threads epochs warm facts batch.
 */
public final class TrainerWorkload {

    private TrainerWorkload() {}

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        int facts = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        TorchRuntime.start(threads);
        LlamaConfig config = ModelPresets.tiny();
        long[] tokens = new long[1];
        double[] seconds = new double[1];
        try (NDManager root = TorchRuntime.newManager(); Llama model = Llama.initialize(config, 0, root.newSubManager())) {
            TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(epochs))
                    .optLearningRate(2e-3).optWeightDecay(0.1).optBatchSize(batch).optConstantLearningRate()
                    .optCheckpointEveryEpochs(0).build();
            AdamW adam = new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0.1);
            TrainingListener meter = new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    if (report.epoch() > warm) {
                        tokens[0] += report.tokens();
                        seconds[0] += report.seconds();
                    }
                }
            };
            new Trainer(model, options, meter).train(PeerWorkload.rows(facts, 0), adam, null, null, CheckpointSink.NONE);
        }
        System.out.printf("RESULT tok/s=%.1f epochs=%d threads=%d%n", tokens[0] / seconds[0], epochs - warm,
                TorchRuntime.threads());
    }
}
