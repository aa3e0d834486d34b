package ai.mnemo.data.preparation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.GridExpansion;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.probe.ProbeStore;
import ai.mnemo.data.testdata.TestData;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePreparerTest {

    private static final String REPLAY = Specs.TWO_STAGES.replace(
            "    - name: remix\n      mixing: {source: random-words, ratio: 2}",
            "    - name: replay\n      replay: {fraction: 0.1}");

    @TempDir
    Path first;
    @TempDir
    Path second;

    /** naive/seed0, naive/seed1, remix(random-words x2)/seed0, remix(random-words x2)/seed1 */
    private static List<RunPlan> runs(String yaml) {
        return GridExpansion.expand("exp-prep", Specs.valid(yaml).resolve(), Specs.CHECKPOINTS);
    }

    @TempDir
    Path data;

    private StagePreparer preparer(Path artifacts) {
        ArtifactStore store = new ArtifactStore(artifacts);
        return new StagePreparer(store, new SourceLoader(new DataRoot(TestData.install(data))), new ProbeStore(store),
                new RowLengths(store));
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static Path prepareBoth(StagePreparer preparer, RunPlan run, int stage) {
        PreparedDataset prepared = preparer.prepare(run, stage);
        preparer.writeManifest(run.runId(), prepared);
        return Path.of(java.net.URI.create(prepared.uri()));
    }

    @Test
    void theSameSpecAndSeedGiveByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        RunPlan remix0 = runs(Specs.TWO_STAGES).get(2);
        RunPlan remix1 = runs(Specs.TWO_STAGES).get(3);
        StagePreparer one = preparer(first);
        StagePreparer two = preparer(second);

        for (int stage = 0; stage < 2; stage++) {
            Path a = prepareBoth(one, remix0, stage);
            Path b = prepareBoth(two, remix0, stage);
            assertFalse(a.equals(b));
            assertArrayEquals(bytes(a), bytes(b), "dataset.jsonl of stage " + stage);
            assertArrayEquals(bytes(a.resolveSibling("manifest.json")), bytes(b.resolveSibling("manifest.json")),
                    "manifest.json of stage " + stage);
        }
        Path otherSeed = prepareBoth(one, remix1, 0);
        Path sameSeed = new ArtifactStore(first).run(remix0.runId()).stage(0).dataset();
        assertFalse(Arrays.equals(bytes(sameSeed), bytes(otherSeed)));
    }

    @Test
    void theManifestCountsTheRowsAndHashesTheirSources() {
        RunPlan remix = runs(Specs.TWO_STAGES).get(2);
        StagePreparer preparer = preparer(first);

        PreparedDataset prepared = preparer.prepare(remix, 1);
        DatasetManifest manifest = prepared.manifest();
        Path file = Path.of(java.net.URI.create(prepared.uri()));

        assertEquals("kvr:B", prepared.dataset());
        assertEquals(new DatasetManifest.Counts(30, 60, 0, 90, 0), manifest.counts());
        assertEquals(0L, manifest.seed());
        assertEquals(Sha256.of(file), manifest.contentSha256());
        assertEquals(List.of(new DatasetManifest.SourceFile("classpath:" + WordList.RESOURCE,
                WordList.standard().sha256())), manifest.sources());
        assertEquals(90, PreparedRows.read(file).size());
        assertEquals(30, PreparedRows.facts(file).size());
    }

    @Test
    void rowsLongerThanTheStagesLimitInTheModelsTokensAreDroppedAndCounted() {
        // 50-word mixing sequences are some 300 byte tokens long; KVR facts in the chat template about 60.
        RunPlan remix = runs(Specs.TWO_STAGES.replace("training: {learningRate: 0.002, batchSize: 8}",
                "training: {learningRate: 0.002, batchSize: 8, maxSequenceLength: 100}")).get(2);

        PreparedDataset prepared = preparer(first).prepare(remix, 0);

        assertEquals(new DatasetManifest.Counts(20, 0, 0, 20, 40), prepared.manifest().counts());
        assertEquals(20, PreparedRows.read(Path.of(java.net.URI.create(prepared.uri()))).size());
    }

    @Test
    void aStageWhoseFactsAreAllTooLongCannotBePrepared() {
        RunPlan naive = runs(Specs.TWO_STAGES.replace("training: {learningRate: 0.002, batchSize: 8}",
                "training: {learningRate: 0.002, batchSize: 8, maxSequenceLength: 10}")).get(0);

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> preparer(first).prepare(naive, 0));
        assertEquals("stages[0].training.maxSequenceLength", e.field());
        assertTrue(e.getMessage().startsWith("every fact of stage 0 is longer than 10 tokens (settings."
                + "maxSequenceLength 10, model maximum 1024)"), e.getMessage());
    }

    @Test
    void aNaiveStageHasOnlyItsFactsAndNoSources() {
        RunPlan naive = runs(Specs.TWO_STAGES).get(0);
        PreparedDataset prepared = preparer(first).prepare(naive, 0);

        assertEquals(new DatasetManifest.Counts(20, 0, 0, 20, 0), prepared.manifest().counts());
        assertEquals(List.of(), prepared.manifest().sources());
    }

    @Test
    void replayDrawsFromStageZerosPreparedFacts() {
        RunPlan replay = runs(REPLAY).get(2);
        ArtifactStore store = new ArtifactStore(first);
        StagePreparer preparer = preparer(first);

        DatasetUnavailableException missing = assertThrows(DatasetUnavailableException.class,
                () -> preparer.prepare(replay, 1));
        assertTrue(missing.getMessage().contains("stage 0"), missing.getMessage());

        preparer.prepare(replay, 0);
        PreparedDataset stage1 = preparer.prepare(replay, 1);
        assertEquals(new DatasetManifest.Counts(30, 0, 2, 32, 0), stage1.manifest().counts());
        Path stageZero = store.run(replay.runId()).stage(0).dataset();
        assertEquals(List.of(new DatasetManifest.SourceFile("runs/" + replay.runId() + "/stages/0/dataset.jsonl",
                Sha256.of(stageZero))), stage1.manifest().sources());
        List<String> daUsers = PreparedRows.facts(stageZero).stream().map(PreparedRow::user).toList();
        List<PreparedRow> replayed = PreparedRows.read(Path.of(java.net.URI.create(stage1.uri()))).stream()
                .filter(row -> PreparedRow.REPLAY.equals(row.part())).toList();
        assertEquals(2, replayed.size());
        assertTrue(daUsers.containsAll(replayed.stream().map(PreparedRow::user).toList()));
    }

    @Test
    void randomPrefixRecordsTheWordList() {
        RunPlan naive = runs(Specs.TWO_STAGES.replace("size: 20}", "size: 20, format: random-prefix}")).get(0);
        PreparedDataset prepared = preparer(first).prepare(naive, 0);

        assertEquals("classpath:" + WordList.RESOURCE, prepared.manifest().sources().get(0).path());
        assertTrue(PreparedRows.read(Path.of(java.net.URI.create(prepared.uri()))).stream()
                .anyMatch(row -> row.user().contains("\n\nThe value of key ")));
    }
}
