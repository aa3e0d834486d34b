package ai.mnemo.eval.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad jobs are refused before any model is loaded, with a reason that names the field and the file. */
class EvalPlanTest {

    @TempDir
    Path root;

    private ArtifactStore store;
    private ArtifactLayout.Run run;
    private String checkpointUri;

    @BeforeEach
    void layOut() throws Exception {
        store = new ArtifactStore(root.resolve("artifacts"));
        run = store.run("run-1");
        Path checkpoint = Files.createDirectories(run.stage(1).checkpoint());
        for (String file : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            Files.writeString(checkpoint.resolve(file), "{}");
        }
        checkpointUri = store.uri(checkpoint);
        PreparedRows.write(run.stage(0).dataset(), List.of(
                fact("fact-0"), fact("fact-1"), new PreparedRow("mix-0", "Say hi", "hi", PreparedRow.MIXING)));
        PreparedRows.write(run.stage(1).dataset(), List.of(fact("fact-0")));
    }

    @Test
    void resolvesEveryTargetToItsFactsMetricAndPredictionsFile() {
        EvalPlan plan = EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match"),
                target(1, "kvr:B", "substring")), store);

        Path out = run.stage(1).predictions();
        assertEquals(run.stage(1).checkpoint(), plan.checkpoint());
        assertEquals(out, plan.outputDir());
        assertEquals(3, plan.facts(), "the mixing row is not evaluated");
        PlannedTarget first = plan.targets().get(0);
        assertEquals(List.of("fact-0", "fact-1"), first.facts().stream().map(PreparedRow::id).toList());
        assertEquals(Metric.EXACT_MATCH, first.metric());
        assertEquals(out.resolve("stage0-kvr_A.jsonl"), first.predictions());
        assertEquals(Metric.SUBSTRING, plan.targets().get(1).metric());
        assertEquals(out.resolve("stage1-kvr_B.jsonl"), plan.targets().get(1).predictions());
    }

    @Test
    void aJobWithoutTargetsIsRefused() {
        assertRefused("targets: the job has no targets", () -> EvalPlan.resolve(job(checkpointUri), store));
    }

    @Test
    void aMissingCheckpointIsNamed() {
        String missing = store.uri(run.stage(3).checkpoint());
        assertRefused("checkpointUri: no checkpoint directory at " + run.stage(3).checkpoint(),
                () -> EvalPlan.resolve(job(missing, target(0, "kvr:A", "exact-match")), store));
    }

    @Test
    void aDirectoryWithoutConfigOrWeightsIsNotACheckpoint() throws Exception {
        Path checkpoint = run.stage(1).checkpoint();
        Files.delete(checkpoint.resolve("model.safetensors"));
        assertRefused("is not a Hugging Face checkpoint directory (nor adapters on one): it has no model.safetensors",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match")), store));
        Files.delete(checkpoint.resolve("config.json"));
        assertRefused("it has no config.json",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match")), store));
    }

    @Test
    void uriOutsideTheRootIsRefused() {
        String outside = root.resolve("elsewhere").toUri().toString();
        assertRefused("checkpointUri: artifact path",
                () -> EvalPlan.resolve(job(outside, target(0, "kvr:A", "exact-match")), store));
        EvalJob badOutput = EvalJob.of("exp", "run-1", 1, checkpointUri, List.of(target(0, "kvr:A", "exact-match")),
                "file:/etc/mnemo");
        assertRefused("outputUri: artifact path /etc/mnemo is outside the artifact root",
                () -> EvalPlan.resolve(badOutput, store));
        EvalTarget escaping = new EvalTarget(0, "kvr:A", store.uri(run.stage(0).dir()) + "/../../../../../x.jsonl",
                "exact-match", 16);
        assertRefused("targets[0].datasetUri: artifact path",
                () -> EvalPlan.resolve(job(checkpointUri, escaping), store));
    }

    @Test
    void aMissingDatasetIsNamedWithItsTarget() {
        EvalTarget missing = new EvalTarget(2, "kvr:C", store.uri(run.stage(2).dataset()), "exact-match", 16);
        assertRefused("targets[1].datasetUri: no prepared dataset at " + run.stage(2).dataset(),
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match"), missing), store));
    }

    @Test
    void anUnknownMetricIsNamed() {
        assertRefused("targets[0].metric: unknown metric 'bleu'",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "bleu")), store));
    }

    @Test
    void aTargetNeedsAPositiveCapOrZeroToFitTheGoldAnswers() {
        EvalTarget negative = new EvalTarget(0, "kvr:A", store.uri(run.stage(0).dataset()), "exact-match", -1);
        assertRefused("targets[0].maxNewTokens: must be at least 1, or 0 to fit the gold answers, was -1",
                () -> EvalPlan.resolve(job(checkpointUri, negative), store));
        EvalTarget fit = new EvalTarget(0, "kvr:A", store.uri(run.stage(0).dataset()), "exact-match",
                EvalTarget.FIT_GOLD_ANSWERS);
        assertEquals(1, EvalPlan.resolve(job(checkpointUri, fit), store).targets().size());
    }

    @Test
    void adaptersWhoseBaseLiesOutsideTheRootAreRefused() throws Exception {
        Path elsewhere = root.resolve("elsewhere"); // a whole checkpoint, but beside the artifact root
        Files.createDirectories(elsewhere);
        try (var files = Files.list(run.stage(1).checkpoint())) {
            for (Path file : files.toList()) {
                Files.copy(file, elsewhere.resolve(file.getFileName()));
            }
        }
        Path adapters = run.stage(2).checkpoint();
        Files.createDirectories(adapters);
        Files.writeString(adapters.resolve("adapter_config.json"), "{\"peft_type\": \"LORA\", \"r\": 4, "
                + "\"lora_alpha\": 8, \"target_modules\": [\"q_proj\"], \"base_model_name_or_path\": \""
                + adapters.relativize(elsewhere) + "\"}");
        Files.writeString(adapters.resolve("adapter_model.safetensors"), "");
        assertRefused("checkpointUri: the adapters at " + adapters + " name a base model outside the artifact root",
                () -> EvalPlan.resolve(job(store.uri(adapters), target(0, "kvr:A", "exact-match")), store));
    }

    @Test
    void twoTargetsMayNotShareAPredictionsFile() {
        assertRefused("targets[1]: writes the same predictions file as targets[0] (stage0-kvr_A.jsonl)",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match"),
                        target(0, "kvr:A", "substring")), store));
    }

    @Test
    void aDatasetWithoutFactsOrWithABadLineIsRefused() throws Exception {
        PreparedRows.write(run.stage(0).dataset(), List.of(new PreparedRow("mix-0", "hi", "hi", PreparedRow.MIXING)));
        assertRefused("has no fact rows to evaluate",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match")), store));
        Files.writeString(run.stage(0).dataset(), "{\"id\":\"fact-0\",\"user\":\"q\",\"assistant\":\"a\","
                + "\"part\":\"fact\"}\nnot json\n");
        assertRefused("targets[0].datasetUri: " + run.stage(0).dataset() + " line 2 is not a prepared row",
                () -> EvalPlan.resolve(job(checkpointUri, target(0, "kvr:A", "exact-match")), store));
    }

    private static void assertRefused(String expected, Executable resolve) {
        InvalidEvalJobException e = assertThrows(InvalidEvalJobException.class, resolve);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should say: " + expected);
    }

    private EvalJob job(String checkpoint, EvalTarget... targets) {
        return EvalJob.of("exp", "run-1", 1, checkpoint, List.of(targets), store.uri(run.stage(1).predictions()));
    }

    private EvalTarget target(int stage, String dataset, String metric) {
        return new EvalTarget(stage, dataset, store.uri(run.stage(stage).dataset()), metric, 16);
    }

    private static PreparedRow fact(String id) {
        return new PreparedRow(id, "The value of key " + id + " is?", "V" + id, PreparedRow.FACT);
    }
}
