package ai.mnemo.data.run;

import ai.mnemo.data.plan.JsonFiles;
import ai.mnemo.datasets.files.Durable;
import ai.mnemo.datasets.files.FileLocks;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where run states live: {@code runs/<runId>/state.json} in the artifact store, which every data-service instance
 * shares. An update holds the run's lock ({@code state.lock}, between threads and processes) from reading the state
 * to writing the next one, so two instances never fork a run; the write is staged, fsynced and renamed, so a crash
 * leaves the old state or the new one.
 */
@ApplicationScoped
public class RunStates {

    private static final String STATE = "state.json";

    private final ArtifactStore store;

    public RunStates(ArtifactStore store) {
        this.store = store;
    }

    public Optional<RunState> find(String runId) {
        Path file = file(runId);
        return Files.isRegularFile(file) ? Optional.of(JsonFiles.read(file, RunState.class)) : Optional.empty();
    }

    /**
     * Applies {@code change} to the run's state ({@code initial} when it has none yet) under the run's lock, and
     * saves what it returns when its version moved on (each transition raises it by one).
     */
    public RunState update(String runId, RunState initial, UnaryOperator<RunState> change) {
        return FileLocks.locked(file(runId).resolveSibling("state.lock"), () -> {
            RunState current = find(runId).orElse(initial);
            RunState next = change.apply(current);
            if (next.version() < current.version()) {
                throw new IllegalStateException("run " + runId + ": state version " + current.version()
                        + " cannot go back to " + next.version());
            }
            if (next.version() > current.version()) {
                Durable.write(file(runId), JsonFiles.bytes(next));
            }
            return next;
        });
    }

    /** The ids of the runs whose state says RUNNING. */
    public List<String> running() throws IOException {
        Path runs = store.root().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.toList()) {
                String runId = dir.getFileName().toString();
                if (find(runId).map(s -> s.phase() == RunPhase.RUNNING).orElse(false)) {
                    ids.add(runId);
                }
            }
        }
        return ids;
    }

    private Path file(String runId) {
        return store.run(runId).plan().resolveSibling(STATE);
    }
}
