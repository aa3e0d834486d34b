package ai.mnemo.cli.bench;

import ai.mnemo.cli.stack.MnemoHome;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mnemo's trainer against plain PyTorch on the same tiny Llama and KVR task, same thread count, in alternation
 * (A B A B ...) so drift on the machine hits both; the result is the median of the per-pair ratios.
 */
public final class TrainerBenchmark {

    /** @param peer the PyTorch peer script; @param python the interpreter that has torch */
    public record Settings(Path peer, String python, int pairs, int threads, int epochs, int warm, int facts,
            int batch) {}

    private TrainerBenchmark() {}

    public static void run(Settings s, PrintStream out) {
        if (!Files.isRegularFile(s.peer())) {
            throw new IllegalArgumentException("the PyTorch peer script is not at " + s.peer()
                    + " (give it with --peer)");
        }
        List<String> mnemo = List.of(MnemoHome.java(), "-Dai.djl.offline=true", "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), TrainerWorkload.class.getName(),
                Integer.toString(s.threads()), Integer.toString(s.epochs()), Integer.toString(s.warm()),
                Integer.toString(s.facts()), Integer.toString(s.batch()));
        List<String> pytorch = List.of(s.python(), s.peer().toString(), "d=128", "heads=4", "layers=2", "ffn=344",
                "facts=" + s.facts(), "batch=" + s.batch(), "epochs=" + s.epochs(), "warm=" + s.warm(),
                "threads=" + s.threads(), "lr=2e-3", "seed=0");
        out.printf("trainer benchmark: d=128, 4 heads, 2 layers, ffn 344, %d KVR facts, batch %d, %d threads, "
                + "%d epochs (%d warm-up), %d pairs%n", s.facts(), s.batch(), s.threads(), s.epochs(), s.warm(),
                s.pairs());
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= s.pairs(); pair++) {
            out.println("  pair " + pair + " mnemo:");
            double a = PeerProcess.tokensPerSecond(mnemo, out);
            out.println("  pair " + pair + " pytorch:");
            double b = PeerProcess.tokensPerSecond(pytorch, out);
            ours.add(a);
            theirs.add(b);
            ratios.add(a / b);
            out.printf("  pair %d ratio %.3f%n", pair, a / b);
        }
        out.println("mnemo tok/s " + Medians.format(ours) + ", pytorch tok/s " + Medians.format(theirs));
        out.printf("RESULT trainer_vs_pytorch=%.3f mnemo_tok_s=%.1f pytorch_tok_s=%.1f%n", Medians.of(ratios),
                Medians.of(ours), Medians.of(theirs));
    }

}
