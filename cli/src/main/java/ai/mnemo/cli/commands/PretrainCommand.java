package ai.mnemo.cli.commands;

import ai.mnemo.cli.pretrain.Pretraining;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Pretrains a preset on the English corpus into the model root, where specs name it by {@code model.uri}. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain a preset on plain passages (the ordinary language-model loss) into .mnemo/models/"
                + "NAME, a base that specs name as  model: {uri: NAME}.")
public final class PretrainCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, description = "the base model's name under .mnemo/models")
    String name;

    @Option(names = "--preset", defaultValue = "small", description = "tiny or small (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--corpus", defaultValue = CorpusCommand.DEFAULT_FILE,
            description = "passages as JSON Lines with a text column, relative to the checkout (default "
                    + "${DEFAULT-VALUE}; mnemo corpus writes it)")
    Path corpus;

    @Option(names = "--steps", defaultValue = "3000", description = "optimizer steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "32", description = "rows per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--window", defaultValue = "256", description = "tokens per row (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--lr", defaultValue = "0.002", description = "peak learning rate, cosine after 5% warmup "
            + "(default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--seed", defaultValue = "0", description = "initial weights and data order "
            + "(default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "intra-op threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--force", description = "replace a base model of that name")
    boolean force;

    @Override
    public Integer call() {
        MnemoHome home = MnemoHome.current();
        Path file = home.root().resolve(corpus).normalize();
        if (!Files.isRegularFile(file)) {
            System.err.println("mnemo pretrain: no corpus at " + file + ": run  ./mnemo corpus  first");
            return 2;
        }
        Path out = home.modelRoot().resolve(name).normalize();
        if (!out.startsWith(home.modelRoot()) || out.equals(home.modelRoot())) {
            System.err.println("mnemo pretrain: --name must be a plain name under .mnemo/models (was " + name + ")");
            return 2;
        }
        if (HfCheckpoint.missingPart(out) == null && !force) {
            System.err.println("mnemo pretrain: " + out + " exists already: use it, or pass --force to replace it");
            return 2;
        }
        Pretraining.Provenance p = Pretraining.run(new Pretraining.Settings(preset, seed, file, steps, batch, window,
                learningRate, out, threads), System.out);
        System.out.printf(Locale.ROOT, "pretrained %s in %.1f min on %s: %,d tokens, held-out loss %.3f -> %.3f "
                + "nats per token%n", preset, p.seconds() / 60, p.cpu(), p.tokens(), p.heldOutLossBefore(),
                p.heldOutLossAfter());
        System.out.println("written to " + out + "; name it in a spec as  model: {uri: " + name + "}");
        return 0;
    }
}
