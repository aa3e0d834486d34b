package ai.mnemo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs {@code mnemo} in this JVM as a user would from the shell, and keeps what it printed: stdout, picocli's error
 * writer and the exit code.
 */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        return run(false, args);
    }

    /** Also echoes stdout to the build log afterwards, for long runs worth reading when they fail. */
    public static CliRun echoing(String... args) {
        return run(true, args);
    }

    private static CliRun run(boolean echo, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Mnemo.commandLine();
        cli.setErr(new PrintWriter(err));
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = cli.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
            if (echo) {
                System.out.print(out.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
