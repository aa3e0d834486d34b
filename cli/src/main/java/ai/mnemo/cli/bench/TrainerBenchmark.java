package ai.mnemo.cli.bench;

import ai.mnemo.cli.stack.MnemoHome;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Mnemo's trainer against plain PyTorch on the same tiny Llama and KVR task, same thread count, in alternation
 * (A B A B ...) so drift on the machine hits both; the result is the median of the per-pair ratios. Before the
 * result it says what decides it: the CPU, the kernels each libtorch dispatches to, the BLAS and the threads.
 */
public final class TrainerBenchmark {

    /**
     * @param peer the PyTorch reference script
     * @param python the interpreter that has torch
     * @param kernels the vector kernels both sides may use
     */
    public record Settings(Path peer, String python, int pairs, int threads, int epochs, int warm, int facts,
            int batch, KernelLevel kernels) {}

    /** A verbose line of one oneMKL call, {@code MKL_VERBOSE SGEMM(N,N,...)}, as opposed to its version line. */
    private static final Pattern CALL = Pattern.compile("^MKL_VERBOSE [A-Z0-9_]+\\(");

    private TrainerBenchmark() {}

    public static void run(Settings s, PrintStream out) {
        if (!Files.isRegularFile(s.peer())) {
            throw new IllegalArgumentException("the PyTorch reference script is not at " + s.peer()
                    + " (give it with --peer)");
        }
        Map<String, String> environment = s.kernels().environment();
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
        describeMachine(s, environment, out);
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= s.pairs(); pair++) {
            out.println("  pair " + pair + " mnemo:");
            double a = PeerProcess.tokensPerSecond(mnemo, environment, out, false);
            out.println("  pair " + pair + " pytorch:");
            double b = PeerProcess.tokensPerSecond(pytorch, environment, out, pair == 1);
            ours.add(a);
            theirs.add(b);
            ratios.add(a / b);
            out.printf("  pair %d ratio %.3f%n", pair, a / b);
        }
        out.println("mnemo tok/s " + Medians.format(ours) + ", pytorch tok/s " + Medians.format(theirs));
        out.printf("RESULT trainer_vs_pytorch=%.3f mnemo_tok_s=%.1f pytorch_tok_s=%.1f kernels=%s%n",
                Medians.of(ratios), Medians.of(ours), Medians.of(theirs), s.kernels().name().toLowerCase());
    }

    /** The CPU, the kernel cap, and Mnemo's libtorch: version, build, threads, and what oneMKL dispatches to. */
    private static void describeMachine(Settings s, Map<String, String> environment, PrintStream out) {
        out.println("machine: " + Cpu.describe() + " (" + Cpu.current().model() + ")");
        out.println("kernels: " + s.kernels().name().toLowerCase()
                + (environment.isEmpty() ? " (each library picks its widest)" : " " + new TreeMap<>(environment)));
        Map<String, String> verbose = new HashMap<>(environment);
        verbose.put("MKL_VERBOSE", "1");
        List<String> probe = PeerProcess.run(List.of(MnemoHome.java(), "-Dai.djl.offline=true", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), TorchEnvironmentProbe.class.getName(),
                Integer.toString(s.threads())), verbose);
        probe.stream().filter(line -> line.startsWith("ENV ")).forEach(line -> out.println("  " + line));
        // oneMKL's first verbose line names its version and the code path it dispatches to on this CPU.
        out.println("  ENV side=mnemo blas=" + probe.stream().filter(line -> line.startsWith("MKL_VERBOSE")
                && !CALL.matcher(line).find()).findFirst().map(line -> line.substring("MKL_VERBOSE".length()).strip())
                .orElse("no oneMKL version line (MKL_VERBOSE printed none)"));
    }
}
