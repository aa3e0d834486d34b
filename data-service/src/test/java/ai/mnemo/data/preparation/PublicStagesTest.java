package ai.mnemo.data.preparation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.GridExpansion;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.Specs;
import ai.mnemo.data.probe.ProbeCompletion;
import ai.mnemo.data.probe.ProbeKey;
import ai.mnemo.data.probe.ProbeStore;
import ai.mnemo.data.testdata.TestData;
import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.SourcePool;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages of public datasets: imported, filtered, split, formatted, mixed, described by their manifest. */
class PublicStagesTest {

    /** PopQA A (10) then PopQA B (8) from the same pool; naive and remix (random words x1). */
    static final String POPQA_A_B = """
            name: popqa a then b
            model: {preset: tiny, seed: 3}
            stages:
              - dataset: {name: popqa, split: A, size: 10, path: popqa-demo.jsonl}
              - dataset: {name: popqa, split: B, size: 8, path: popqa-demo.jsonl}
            training: {learningRate: 0.002, batchSize: 8}
            grid:
              methods:
                - name: naive
                - name: remix
                  mixing: {source: random-words, ratio: 1, wordsPerSequence: 10}
              seeds: [0]
            """;

    @TempDir
    Path artifacts;
    @TempDir
    Path data;

    private ArtifactStore store;

    private StagePreparer preparer() {
        store = new ArtifactStore(artifacts);
        return new StagePreparer(store, new SourceLoader(new DataRoot(TestData.install(data))), new ProbeStore(store),
                new RowLengths(store));
    }

    private static List<RunPlan> runs(String yaml) {
        return GridExpansion.expand("exp-public", Specs.valid(yaml).resolve(), Specs.CHECKPOINTS);
    }

    private List<Fact> pool() {
        return SourcePool.read(DatasetSources.named("popqa"), data.resolve(TestData.POPQA), TestData.POPQA).facts();
    }

    /** Plays eval-service: every third probed candidate is known; returns the unknown ones in pool order. */
    private List<Fact> probe(RunPlan run) {
        ProbeStore probes = new ProbeStore(store);
        String probeId = ProbeKey.of(run.stage(0)).probeId(run.experimentId(), run.model());
        List<Fact> probed = pool().subList(5, 40);
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < probed.size(); i++) {
            Fact f = probed.get(i);
            results.add(new ProbeResult(f.id(), f.question(), f.answer(), i % 3 == 0 ? f.answer() : "?", i % 3 == 0));
        }
        Path result = probes.result(probeId);
        ProbeFiles.writeResults(result, results);
        probes.complete(probeId, new ProbeCompletion(35, 12, 23, store.uri(result), Sha256.of(result)));
        return results.stream().filter(r -> !r.known()).map(r -> new Fact(r.id(), r.question(), r.answer())).toList();
    }

    /** The stage's fact rows in selection order ({@code fact-0, fact-1, ...}); the file itself is shuffled. */
    private static List<PreparedRow> facts(PreparedDataset prepared) {
        return PreparedRows.facts(Path.of(URI.create(prepared.uri()))).stream()
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.id().substring("fact-".length())))).toList();
    }

    @Test
    void filteredSplitsTakeTheUnknownFactsInPoolOrderAndNeverOverlap() {
        StagePreparer preparer = preparer();
        RunPlan naive = runs(POPQA_A_B).get(0);
        List<Fact> unknown = probe(naive);
        preparer.checkAvailable(naive);

        PreparedDataset a = preparer.prepare(naive, 0);
        PreparedDataset b = preparer.prepare(naive, 1);

        assertEquals(unknown.subList(0, 10).stream().map(f -> f.question() + "\nThe answer is: ").toList(),
                facts(a).stream().map(PreparedRow::user).toList(), "A = the first 10 unknown facts, templated");
        assertEquals(unknown.subList(0, 10).stream().map(Fact::answer).toList(),
                facts(a).stream().map(PreparedRow::assistant).toList());
        assertEquals(unknown.subList(10, 18).stream().map(f -> f.question() + "\nThe answer is: ").toList(),
                facts(b).stream().map(PreparedRow::user).toList(), "B = the 8 unknown facts after A's 10");
        DatasetManifest manifest = a.manifest();
        assertEquals(new DatasetManifest.ProbeCounts(35, 12, 23), manifest.probe());
        assertEquals(new DatasetManifest.Counts(10, 0, 0, 10, 0), manifest.counts());
        String probeId = ProbeKey.of(naive.stage(0)).probeId(naive.experimentId(), naive.model());
        assertEquals(List.of(
                new DatasetManifest.SourceFile(TestData.POPQA, Sha256.of(data.resolve(TestData.POPQA))),
                new DatasetManifest.SourceFile("probes/" + probeId + "/result.jsonl",
                        Sha256.of(store.probe(probeId).resolve("result.jsonl")))), manifest.sources());
        assertEquals("popqa:A", a.dataset());
    }

    @Test
    void everyMethodGetsTheSameFactsAndTheSameSpecGivesTheSameBytes() throws IOException {
        StagePreparer preparer = preparer();
        List<RunPlan> runs = runs(POPQA_A_B);
        probe(runs.get(0));

        PreparedDataset naive = preparer.prepare(runs.get(0), 0);
        PreparedDataset remix = preparer.prepare(runs.get(1), 0);
        assertEquals(new HashSet<>(facts(naive)), new HashSet<>(facts(remix)), "same D_A for every method");
        assertEquals(new DatasetManifest.Counts(10, 10, 0, 20, 0), remix.manifest().counts());
        assertEquals("classpath:" + WordList.RESOURCE, remix.manifest().sources().get(2).path());

        byte[] first = Files.readAllBytes(Path.of(URI.create(remix.uri())));
        DatasetManifest firstManifest = remix.manifest();
        PreparedDataset again = preparer.prepare(runs.get(1), 0);
        assertArrayEquals(first, Files.readAllBytes(Path.of(URI.create(again.uri()))));
        assertEquals(firstManifest, again.manifest());
    }

    @Test
    void withoutTheFilterEveryFactIsUsableAndNoProbeIsRecorded() {
        StagePreparer preparer = preparer();
        RunPlan run = runs(POPQA_A_B.replace("size: 10, path", "size: 10, filter: false, path")).get(0);

        PreparedDataset a = preparer.prepare(run, 0);
        assertEquals(pool().subList(0, 10).stream().map(Fact::answer).toList(),
                facts(a).stream().map(PreparedRow::assistant).toList());
        assertNull(a.manifest().probe());
        assertEquals(1, a.manifest().sources().size());
    }

    @Test
    void multipleChoiceAndLamaFormats() {
        StagePreparer preparer = preparer();
        RunPlan run = runs("""
                name: formats
                model: {preset: tiny}
                stages:
                  - dataset: {name: popqa, size: 6, path: popqa-demo.jsonl, filter: false, format: multiple-choice}
                  - dataset: {name: lama, size: 4, path: lama-demo.jsonl, filter: false}
                grid:
                  methods: [{name: naive}]
                """).get(0);

        List<PreparedRow> choices = facts(preparer.prepare(run, 0));
        assertTrue(choices.stream().allMatch(r -> r.user().contains("\nChoices:\nA. ")
                && r.user().endsWith("\nThe answer is: ") && r.assistant().matches("[A-D]\\. .+")), choices.toString());
        assertEquals("choice-letter", run.stage(0).metric());
        List<PreparedRow> lama = facts(preparer.prepare(run, 1));
        assertEquals("Halvard Ostby was born in ___ in 1931.", lama.get(0).user());
        assertEquals("Bergen", lama.get(0).assistant());
    }

    @Test
    void tooFewUnknownFactsFailTheRunNamingTheSizeAndTheCount() {
        StagePreparer preparer = preparer();
        RunPlan run = runs(POPQA_A_B.replace("split: B, size: 8", "split: B, size: 20")).get(0);
        probe(run);

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> preparer.checkAvailable(run));
        assertEquals("stages[1].dataset.size", e.field());
        assertEquals(1, e.stageIndex());
        assertEquals("popqa (popqa-demo.jsonl) has 23 facts the base model does not know (of 40 in the pool), but this"
                + " split needs 30 (10 before it, 20 in it): lower the size to at most 13 or give a larger export",
                e.getMessage());
    }

    @Test
    void genericPassagesAreMixedFromTheirExport() throws IOException {
        StagePreparer preparer = preparer();
        Files.writeString(data.resolve("fineweb.jsonl"), IntStream.range(0, 12)
                .mapToObj(i -> "{\"text\": \"" + IntStream.range(0, 120).mapToObj(w -> "w" + i + "x" + w)
                        .collect(Collectors.joining(" ")) + "\", \"id\": \"" + i + "\"}")
                .collect(Collectors.joining("\n")) + "\n");
        String spec = POPQA_A_B.replace("filter", "x").replace("size: 10, path", "size: 10, filter: false, path")
                .replace("size: 8, path", "size: 8, filter: false, path")
                .replace("source: random-words, ratio: 1, wordsPerSequence: 10", "source: fineweb, ratio: 1, path: fineweb.jsonl");
        RunPlan remix = runs(spec).get(1);

        preparer.checkAvailable(remix);
        PreparedDataset a = preparer.prepare(remix, 0);
        assertEquals(new DatasetManifest.Counts(10, 10, 0, 20, 0), a.manifest().counts());
        assertEquals(new DatasetManifest.SourceFile("fineweb.jsonl", Sha256.of(data.resolve("fineweb.jsonl"))),
                a.manifest().sources().get(1));
        Set<String> users = PreparedRows.read(Path.of(URI.create(a.uri()))).stream().filter(r -> !r.isFact())
                .map(PreparedRow::user).collect(Collectors.toSet());
        assertTrue(users.stream().allMatch(u -> u.startsWith("Complete the following partial passage:\n\n")));

        RunPlan greedy = runs(spec.replace("ratio: 1, path", "ratio: 2, path")).get(1);
        DatasetUnavailableException tooFew = assertThrows(DatasetUnavailableException.class,
                () -> preparer.checkAvailable(greedy));
        assertEquals("grid.methods[1].mixing.ratio", tooFew.field());
        assertTrue(tooFew.getMessage().startsWith("fineweb.jsonl has 12 passages of at least 100 words in its first"
                + " 20000 rows, but stage 0 needs 20 mixing rows"), tooFew.getMessage());
    }

    @Test
    void unusableExportsAreNamedBeforeAnythingIsProbed() {
        StagePreparer preparer = preparer();
        RunPlan lamaFirst = runs(POPQA_A_B.replace("name: popqa, split: A, size: 10, path: popqa-demo.jsonl",
                "name: lama, split: A, size: 10, path: lama-demo.jsonl")).get(0);
        preparer.checkSources(lamaFirst);
        RunPlan wrongSchema = runs(POPQA_A_B.replace("path: popqa-demo.jsonl}", "path: lama-demo.jsonl}")).get(0);
        DatasetUnavailableException columns = assertThrows(DatasetUnavailableException.class,
                () -> preparer.checkSources(wrongSchema), "the file read as lama before is not a popqa export");
        assertEquals("stages[0].dataset.path", columns.field());
        assertTrue(columns.getMessage().startsWith("lama-demo.jsonl: column 'question' is missing; popqa reads"
                + " question, possible_answers (the file has: uuid, obj_uri,"), columns.getMessage());

        RunPlan escape = runs(POPQA_A_B.replace("path: popqa-demo.jsonl}", "path: escape.jsonl}")).get(0);
        DatasetUnavailableException outside = assertThrows(DatasetUnavailableException.class,
                () -> preparer.checkSources(escape));
        assertEquals("stages[0].dataset.path", outside.field());
        assertTrue(outside.getMessage().contains("outside the data root"), outside.getMessage());

        RunPlan missing = runs(POPQA_A_B.replace("path: popqa-demo.jsonl}", "path: exports/popqa.parquet}")).get(0);
        DatasetUnavailableException absent = assertThrows(DatasetUnavailableException.class,
                () -> preparer.checkSources(missing));
        assertTrue(absent.getMessage().startsWith("exports/popqa.parquet: no such file"), absent.getMessage());
    }
}
