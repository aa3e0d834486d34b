package ai.mnemo.eval.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbePlanTest {

    @TempDir
    Path dir;

    private ProbeJob job(ArtifactStore store, int fewShot, String metric, int maxNewTokens, String output) {
        return ProbeJob.of("exp", "p1", ModelRef.preset("tiny", 0), store.uri(store.probe("p1").resolve("candidates.jsonl")),
                fewShot, maxNewTokens, metric, output);
    }

    private static String reason(ProbeJob job, ArtifactStore store) {
        return assertThrows(InvalidProbeJobException.class, () -> ProbePlan.resolve(job, store)).getMessage();
    }

    @Test
    void aGoodJobResolvesAndEveryBadFieldIsNamed() {
        ArtifactStore store = new ArtifactStore(dir);
        String output = store.uri(store.probe("p1").resolve("result.jsonl"));
        assertTrue(reason(job(store, 2, "exact-match", 20, output), store).startsWith("candidatesUri: no candidates file"));

        ProbeFiles.writeCandidates(store.probe("p1").resolve("candidates.jsonl"), KvrFacts.generate(1, 6));
        ProbePlan plan = ProbePlan.resolve(job(store, 2, "exact-match", 20, output), store);
        assertEquals(6, plan.candidates().size());
        assertEquals(store.probe("p1").resolve("result.jsonl"), plan.output());

        assertEquals("metric: unknown metric 'bleu' (exact-match, substring, last-number, choice-letter)",
                reason(job(store, 2, "bleu", 20, output), store));
        assertEquals("fewShot: must be between 0 and 5 for 6 candidates, was 6",
                reason(job(store, 6, "exact-match", 20, output), store));
        assertEquals("maxNewTokens: must be at least 1, was 0", reason(job(store, 2, "exact-match", 0, output), store));
        assertTrue(reason(job(store, 2, "exact-match", 20, "file:/etc/x.jsonl"), store)
                .startsWith("outputUri: artifact path /etc/x.jsonl is outside the artifact root"));
    }
}
