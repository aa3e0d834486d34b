package ai.mnemo.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process of the local stack (the broker or a service), started with its output in a log file so it can
 * outlive the command that started it (`mnemo up`) and be stopped later by pid (`mnemo down`).
 */
public record ManagedProcess(String name, long pid, int port, Path log) {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            int port, Path log, Path workingDir) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start().pid(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public boolean alive() {
        return handle().map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    public void stop() {
        Optional<ProcessHandle> handle = handle();
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.get().destroyForcibly();
        }
    }

    /** SIGKILL at once, as a crash or the OOM killer would; waits until the process is gone. */
    public void kill() {
        handle().ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
    }

    /** The last lines of the log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid);
    }
}
