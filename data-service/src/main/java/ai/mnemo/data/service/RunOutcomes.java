package ai.mnemo.data.service;

import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which runs have ended in failure ({@code runs/<runId>/failed.txt}, holding the reason): a run is failed once,
 * however many of its inputs go wrong (two probes can fail for one run), and a repeated request does not plan a failed
 * run again.
 */
@ApplicationScoped
public class RunOutcomes {

    private final ArtifactStore store;

    public RunOutcomes(ArtifactStore store) {
        this.store = store;
    }

    public boolean failed(String runId) {
        return Files.exists(file(runId));
    }

    public void markFailed(String runId, String reason) {
        try {
            Path file = file(runId);
            Files.createDirectories(file.getParent());
            Files.writeString(file, reason + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the failure of run " + runId, e);
        }
    }

    private Path file(String runId) {
        return store.run(runId).plan().resolveSibling("failed.txt");
    }
}
