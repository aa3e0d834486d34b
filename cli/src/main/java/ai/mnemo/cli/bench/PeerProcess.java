package ai.mnemo.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one benchmark process (Mnemo's workload JVM or the Python peer) and reads its {@code RESULT tok/s=}. */
final class PeerProcess {

    private static final Pattern TOKENS_PER_SECOND = Pattern.compile("RESULT tok/s=([0-9.]+)");

    private PeerProcess() {}

    static double tokensPerSecond(List<String> command, PrintStream log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Double result = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = TOKENS_PER_SECOND.matcher(line);
                    if (m.find()) {
                        result = Double.parseDouble(m.group(1));
                        log.println("    " + line.strip());
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || result == null) {
                throw new IllegalStateException("benchmark process failed (exit " + exit + "): " + command + "\n"
                        + output);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
