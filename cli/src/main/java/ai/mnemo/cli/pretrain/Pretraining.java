package ai.mnemo.cli.pretrain;

import ai.mnemo.cli.bench.Cpu;
import ai.djl.ndarray.NDManager;
import ai.mnemo.cli.corpus.Passage;
import ai.mnemo.datasets.JsonLines;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.chat.PlainText;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.TensorDtype;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingOptions;
import ai.mnemo.lm.train.TrainingResult;
import ai.mnemo.lm.util.SeededRandom;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pretrains a preset on plain passages with the ordinary language-model loss (no chat template), so later
 * experiments can start from a base that knows some English instead of random weights. Every 50th passage is held
 * out; its loss per token, before and after, says how much was learned. The result is an ordinary Hugging Face
 * directory (config, weights, tokenizer) plus {@code pretraining.json}, which says how it was made.
 */
public final class Pretraining {

    /** One passage in this many is held out to measure the loss. */
    static final int HOLD_OUT_EVERY = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Pretraining() {}

    /**
     * @param window tokens per training row, BOS included
     * @param steps optimizer steps (the corpus is repeated, each pass shuffled, to fill them)
     */
    public record Settings(String preset, long seed, Path corpus, int steps, int batch, int window,
            double learningRate, Path out, int threads) {}

    /** How it went, also written as {@code pretraining.json} beside the weights. */
    public record Provenance(String preset, long seed, String corpus, String corpusSha256, int passages, int heldOut,
            int steps, int batch, int window, double learningRate, long tokens, double seconds,
            double heldOutLossBefore, double heldOutLossAfter, double finalTrainLoss, String cpu) {}

    public static Provenance run(Settings s, PrintStream out) {
        TorchRuntime.start(s.threads());
        LlamaConfig config = ModelPresets.named(s.preset());
        List<Passage> passages = JsonLines.read(s.corpus(), Passage.class);
        try {
            Files.createDirectories(s.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + s.out(), e);
        }
        ByteTokenizerDefinition.write(s.out().resolve(TextTokenizer.FILE));
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = TextTokenizer.load(s.out());
                Llama model = Llama.initialize(config, s.seed(), root.newSubManager())) {
            PlainText plain = new PlainText(tokenizer, config.bosTokenId(), config.eosTokenId());
            List<EncodedExample> train = new ArrayList<>();
            List<EncodedExample> heldOut = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                (i % HOLD_OUT_EVERY == 0 ? heldOut : train).addAll(plain.windows(passages.get(i).text(), s.window()));
            }
            out.printf("pretraining %s (%,d parameters) on %,d passages of %s: %,d windows of %d tokens, %,d held "
                    + "out%n", s.preset(), model.parameters().values().stream().mapToLong(p -> p.getShape().size())
                    .sum(), passages.size(), s.corpus().getFileName(), train.size(), s.window(), heldOut.size());
            double before = CausalLmLoss.evaluate(model, heldOut, s.batch());
            List<EncodedExample> rows = fill(train, s.steps() * s.batch(), s.seed());
            TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(1))
                    .optLearningRate(s.learningRate()).optBatchSize(s.batch()).optWeightDecay(0.1)
                    .optSeed(s.seed()).optCheckpointEveryEpochs(0).build();
            AdamW adam = AdamW.forTraining(model, options);
            TrainingResult result;
            try (PretrainingProgress progress = new PretrainingProgress(s.steps())) {
                result = new Trainer(model, options, progress).train(rows, adam, null, null, CheckpointSink.NONE);
            }
            double after = CausalLmLoss.evaluate(model, heldOut, s.batch());
            HfCheckpoint.save(model, tokenizer, s.out(), TensorDtype.F32);
            Provenance provenance = new Provenance(s.preset(), s.seed(), s.corpus().getFileName().toString(),
                    ai.mnemo.datasets.Sha256.of(s.corpus()), passages.size(), heldOut.size(), (int) result.steps(),
                    s.batch(), s.window(), s.learningRate(), Math.round(result.tokensPerSecond() * result.seconds()),
                    result.seconds(), before, after, result.finalLoss(), Cpu.describe());
            JSON.writeValue(s.out().resolve("pretraining.json").toFile(), provenance);
            return provenance;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + s.out().resolve("pretraining.json"), e);
        }
    }

    /** {@code count} rows: the training windows repeated, each pass in its own seeded order, cut at the count. */
    static List<EncodedExample> fill(List<EncodedExample> windows, int count, long seed) {
        SeededRandom random = new SeededRandom(seed ^ 0x5052455452414EL);
        List<EncodedExample> rows = new ArrayList<>(count);
        while (rows.size() < count) {
            int[] order = new int[windows.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            random.shuffle(order);
            for (int i = 0; i < order.length && rows.size() < count; i++) {
                rows.add(windows.get(order[i]));
            }
        }
        return rows;
    }
}
