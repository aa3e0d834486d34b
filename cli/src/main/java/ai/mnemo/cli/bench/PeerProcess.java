package ai.mnemo.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one benchmark process (Mnemo's workload JVM, its environment probe or the PyTorch reference) and reads what
 * it prints: {@code ENV ...} lines that describe it, and {@code RESULT tok/s=}.
 */
final class PeerProcess {

    private static final Pattern TOKENS_PER_SECOND = Pattern.compile("RESULT tok/s=([0-9.]+)");

    private PeerProcess() {}

    /** The process's output lines; fails when it exits non-zero. */
    static List<String> run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("benchmark process failed (exit " + exit + "): " + command + "\n"
                        + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs a workload and returns its tokens per second; with {@code describe}, echoes its {@code ENV} lines. */
    static double tokensPerSecond(List<String> command, Map<String, String> environment, PrintStream log,
            boolean describe) {
        Double result = null;
        List<String> lines = run(command, environment);
        for (String line : lines) {
            if (describe && line.startsWith("ENV ")) {
                log.println("  " + line);
            }
            Matcher m = TOKENS_PER_SECOND.matcher(line);
            if (m.find()) {
                result = Double.parseDouble(m.group(1));
                log.println("    " + line.strip());
            }
        }
        if (result == null) {
            throw new IllegalStateException("no RESULT tok/s= from " + command + "\n" + String.join("\n", lines));
        }
        return result;
    }
}
