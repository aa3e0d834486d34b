package ai.mnemo.data.probe;

import ai.mnemo.events.v1.DatasetManifest;

/**
 * A probe's verdict as data-service recorded it ({@code probes/<probeId>/completed.json}): the counts of
 * ProbeCompleted and the result file they came from, with its hash for the manifests of the stages that use it.
 */
public record ProbeCompletion(int candidates, int known, int unknown, String resultUri, String resultSha256) {

    public DatasetManifest.ProbeCounts counts() {
        return new DatasetManifest.ProbeCounts(candidates, known, unknown);
    }
}
