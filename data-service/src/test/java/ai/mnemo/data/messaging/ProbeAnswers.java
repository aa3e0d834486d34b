package ai.mnemo.data.messaging;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The tests' evaluator for probes: reads a ProbeJob's candidates, decides who is known, writes the result file. */
final class ProbeAnswers {

    private ProbeAnswers() {
    }

    /** The dataset of a probe, from its first candidate's id ({@code popqa-0} -> {@code popqa}). */
    static String dataset(ArtifactStore store, ProbeJob job) {
        String id = ProbeFiles.readCandidates(store.path(job.candidatesUri())).get(0).id();
        return id.substring(0, id.lastIndexOf('-'));
    }

    /**
     * Answers the job as eval-service would: the first {@code fewShot} candidates are the demonstrations, the rest are
     * probed, and probed candidate {@code i} is known when {@code known.test(i)}.
     *
     * @return the completion to publish; {@link #unknown} lists the facts left for training
     */
    static ProbeCompleted answer(ArtifactStore store, ProbeJob job, IntPredicate known) {
        List<Fact> candidates = ProbeFiles.readCandidates(store.path(job.candidatesUri()));
        List<ProbeResult> results = new ArrayList<>();
        int knownCount = 0;
        for (int i = job.fewShot(); i < candidates.size(); i++) {
            Fact f = candidates.get(i);
            boolean isKnown = known.test(i - job.fewShot());
            knownCount += isKnown ? 1 : 0;
            results.add(new ProbeResult(f.id(), f.question(), f.answer(), isKnown ? f.answer() : "no idea", isKnown));
        }
        ProbeFiles.writeResults(store.path(job.outputUri()), results);
        return ProbeCompleted.of(job.experimentId(), job.probeId(), results.size(), knownCount,
                results.size() - knownCount, job.outputUri());
    }

    /** The answers of the facts the base model did not know, in pool order. */
    static List<String> unknown(ArtifactStore store, ProbeJob job) {
        return ProbeFiles.readResults(store.path(job.outputUri())).stream().filter(r -> !r.known())
                .map(ProbeResult::answer).toList();
    }
}
