package ai.mnemo.data.probe;

import ai.mnemo.data.plan.JsonFiles;
import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A probe's files under {@code probes/<probeId>/}: {@code candidates.jsonl} and {@code request.json} (written before
 * the ProbeJob is published), {@code published} (after), {@code result.jsonl} (eval-service's verdict) and
 * {@code completed.json} (once data-service has read ProbeCompleted). Nothing else remembers a probe, so a restart
 * loses nothing.
 */
@ApplicationScoped
public class ProbeStore {

    public static final String CANDIDATES = "candidates.jsonl";
    public static final String RESULT = "result.jsonl";

    private final ArtifactStore store;

    public ProbeStore(ArtifactStore store) {
        this.store = store;
    }

    public Path dir(String probeId) {
        return store.probe(probeId);
    }

    public Path candidates(String probeId) {
        return dir(probeId).resolve(CANDIDATES);
    }

    public Path result(String probeId) {
        return dir(probeId).resolve(RESULT);
    }

    public void writeCandidates(String probeId, List<Fact> facts) {
        ProbeFiles.writeCandidates(candidates(probeId), facts);
    }

    public void writeRequest(ProbeRequest request) {
        JsonFiles.write(dir(request.probeId()).resolve("request.json"), request);
    }

    /** The probe data-service asked for; empty when the id is not one of its probes. */
    public Optional<ProbeRequest> request(String probeId) {
        return read(probeId, "request.json", ProbeRequest.class);
    }

    public void markPublished(String probeId) {
        write(dir(probeId).resolve("published"), "");
    }

    /** Whether the probe's job was published (so a repeated request does not probe twice). */
    public boolean published(String probeId) {
        try {
            return Files.exists(dir(probeId).resolve("published"));
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    public void complete(String probeId, ProbeCompletion completion) {
        JsonFiles.write(dir(probeId).resolve("completed.json"), completion);
    }

    public Optional<ProbeCompletion> completion(String probeId) {
        return read(probeId, "completed.json", ProbeCompletion.class);
    }

    /** Ids of the facts the base model did not know, from the result file the completion names. */
    public Set<String> unknownIds(ProbeCompletion completion) {
        Set<String> ids = new HashSet<>();
        for (ProbeResult result : ProbeFiles.readResults(store.path(completion.resultUri()))) {
            if (!result.known()) {
                ids.add(result.id());
            }
        }
        return ids;
    }

    private <T> Optional<T> read(String probeId, String name, Class<T> type) {
        Path file;
        try {
            file = dir(probeId).resolve(name);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return Files.exists(file) ? Optional.of(JsonFiles.read(file, type)) : Optional.empty();
    }

    private static void write(Path file, String text) {
        JsonFiles.atomically(file, tmp -> {
            try {
                Files.writeString(tmp, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
