package ai.mnemo.data.service;

import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The experiments someone cancelled ({@code cancelled/<sha256 of the id>} under the artifact root, holding the id).
 * Kept on disk, not in memory, because this group's committed offsets are past the cancellation after a restart,
 * while the run's later events (a StageCompleted in flight) still arrive. The file name is a hash so that any id a
 * producer chose is a safe name.
 */
@ApplicationScoped
public class CancelledExperiments {

    private final Path dir;

    public CancelledExperiments(ArtifactStore store) {
        this.dir = store.root().resolve("cancelled");
    }

    public boolean contains(String experimentId) {
        return Files.exists(file(experimentId));
    }

    /** Idempotent; the file appears whole (written aside, then renamed). */
    public void add(String experimentId) {
        Path file = file(experimentId);
        try {
            Files.createDirectories(dir);
            Path staging = dir.resolve(".partial-" + UUID.randomUUID());
            Files.writeString(staging, experimentId + "\n", StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the cancellation of experiment " + experimentId, e);
        }
    }

    private Path file(String experimentId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(experimentId.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
