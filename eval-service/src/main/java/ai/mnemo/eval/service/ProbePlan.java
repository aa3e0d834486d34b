package ai.mnemo.eval.service;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A ProbeJob's inputs checked before the model is loaded (the model itself is resolved separately, since a preset
 * may have to be written first): the candidates, the number of demonstrations, the metric, the cap, the output file.
 *
 * @param output where the verdicts go ({@code result.jsonl})
 */
record ProbePlan(List<Fact> candidates, int fewShot, Metric metric, int maxNewTokens, Path output) {

    /** @throws InvalidProbeJobException naming the first thing wrong with the job */
    static ProbePlan resolve(ProbeJob job, ArtifactStore store) {
        Metric metric;
        try {
            metric = Metric.named(job.metric());
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeJobException("metric: " + e.getMessage(), e);
        }
        if (job.maxNewTokens() < 1) {
            throw new InvalidProbeJobException("maxNewTokens: must be at least 1, was " + job.maxNewTokens());
        }
        Path candidatesFile = path(store, job.candidatesUri(), "candidatesUri");
        if (!Files.isRegularFile(candidatesFile)) {
            throw new InvalidProbeJobException("candidatesUri: no candidates file at " + candidatesFile
                    + "; data-service writes it before publishing the job");
        }
        List<Fact> candidates;
        try {
            candidates = ProbeFiles.readCandidates(candidatesFile);
        } catch (RuntimeException e) {
            throw new InvalidProbeJobException("candidatesUri: " + e.getMessage(), e);
        }
        if (job.fewShot() < 0 || job.fewShot() >= candidates.size()) {
            throw new InvalidProbeJobException("fewShot: must be between 0 and " + (candidates.size() - 1)
                    + " for " + candidates.size() + " candidates, was " + job.fewShot());
        }
        Path output = path(store, job.outputUri(), "outputUri");
        if (Files.isDirectory(output)) {
            throw new InvalidProbeJobException("outputUri: " + output + " is a directory; name the result file");
        }
        return new ProbePlan(candidates, job.fewShot(), metric, job.maxNewTokens(), output);
    }

    private static Path path(ArtifactStore store, String uri, String field) {
        try {
            return store.path(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeJobException(field + ": " + e.getMessage(), e);
        }
    }
}
