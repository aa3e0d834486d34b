package ai.mnemo.data.probe;

import ai.mnemo.events.v1.ModelRef;
import java.util.List;

/**
 * A probe as data-service asked for it, kept as {@code probes/<probeId>/request.json}: what was probed, how, and
 * which runs wait for the verdict. It is the state that lets a restarted data-service go on when ProbeCompleted
 * arrives.
 *
 * @param sourceSha256 of the export when the candidates were written
 * @param candidates facts in {@code candidates.jsonl}, demonstrations included
 */
public record ProbeRequest(
        String experimentId,
        String probeId,
        String dataset,
        String path,
        String sourceSha256,
        ModelRef model,
        int fewShot,
        int maxNewTokens,
        String metric,
        int candidates,
        List<String> runIds) {

    public ProbeRequest {
        runIds = List.copyOf(runIds);
    }

    public ProbeKey key() {
        return new ProbeKey(dataset, path);
    }
}
