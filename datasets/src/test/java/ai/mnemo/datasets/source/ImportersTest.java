package ai.mnemo.datasets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each importer on a handful of rows in its dataset's real schema, as JSON and as Parquet. */
class ImportersTest {

    @TempDir
    Path dir;

    private SourcePool pool(String dataset, String fixture) {
        return SourcePool.read(DatasetSources.named(dataset), Fixtures.copy(fixture, dir), fixture);
    }

    @Test
    void popqaTakesTheFirstPossibleAnswerOfItsJsonEncodedListAndKeepsTheOthersAsAliases() {
        SourcePool pool = pool("popqa", "popqa.jsonl");

        assertEquals(6, pool.size());
        assertEquals(new Fact("popqa-0", "What is George Rankin's occupation?", "politician",
                List.of("political leader", "political figure", "polit.", "pol")), pool.facts().get(0));
        assertEquals("Oulu", pool.facts().get(2).answer());
        assertEquals(List.of("Uleaborg"), pool.facts().get(2).aliases());
        assertEquals(List.of(), pool.facts().get(3).aliases(), "a one-entry list has no aliases");
        assertEquals("popqa", pool.dataset());
        assertEquals("popqa.jsonl", pool.file());
        assertEquals(Sha256.of(dir.resolve("popqa.jsonl")), pool.sha256());
    }

    @Test
    void triviaqaTakesAnswerValueAsGoldAndAnswerAliasesAsAliases() {
        SourcePool pool = pool("triviaqa", "triviaqa.jsonl");

        assertEquals(5, pool.size());
        assertEquals("Which Lloyd Webber musical premiered in the US on 10th December 1993?",
                pool.facts().get(0).question());
        assertEquals("Sunset Boulevard", pool.facts().get(0).answer());
        assertEquals(List.of("Sunset Blvd"), pool.facts().get(0).aliases(), "the gold answer is not its own alias");
        assertEquals("30s", pool.facts().get(3).answer());
        assertEquals(List.of("thirties"), pool.facts().get(3).aliases());
        assertEquals(List.of("Chi-town"), pool.facts().get(4).aliases(), "aliases, not normalized_aliases");
    }

    @Test
    void triviaqaFallsBackToNormalizedAliasesOnlyWhenAliasesIsAbsent() throws IOException {
        Path file = Files.writeString(dir.resolve("triviaqa.jsonl"), """
                {"question": "Q1?", "answer": {"value": "Chicago", "normalized_aliases": ["chicago", "chi town"]}}
                {"question": "Q2?", "answer": {"value": "Chicago", "aliases": [], "normalized_aliases": ["chi town"]}}
                {"question": "Q3?", "answer": {"value": "Chicago"}}
                """);

        List<Fact> facts = SourcePool.read(DatasetSources.named("triviaqa"), file, "triviaqa.jsonl").facts();

        assertEquals(List.of("chicago", "chi town"), facts.get(0).aliases(), "compared exactly, chicago stays");
        assertEquals(List.of(), facts.get(1).aliases(), "an empty aliases list is still the aliases");
        assertEquals(List.of(), facts.get(2).aliases());
    }

    @Test
    void entityQuestionsReadsAJsonArrayAndTakesTheFirstAnswer() {
        SourcePool pool = pool("entityquestions", "entityquestions.json");

        assertEquals(5, pool.size());
        assertEquals(new Fact("entityquestions-1", "Where was Hanne Liisberg born?", "Aarhus", List.of("Århus")),
                pool.facts().get(1));
        assertEquals(List.of(), pool.facts().get(0).aliases());
    }

    @Test
    void lamaAsksTheMaskedSentenceWithABlankForTheMask() {
        SourcePool pool = pool("lama", "lama.jsonl");

        assertEquals(new Fact("lama-0", "Louis Aragon wrote his poems in ___.", "French"), pool.facts().get(0));
        assertEquals(4, pool.size());
        assertTrue(pool.facts().stream().noneMatch(f -> f.question().contains("[MASK]")));
    }

    @Test
    void lamaBlanksEveryMask() throws IOException {
        Path file = Files.writeString(dir.resolve("lama.jsonl"), """
                {"masked_sentence": "[MASK] borders Peru. [MASK] is in South America.", "obj_label": "Chile"}
                """);

        Fact fact = SourcePool.read(DatasetSources.named("lama"), file, "lama.jsonl").facts().get(0);

        assertEquals("___ borders Peru. ___ is in South America.", fact.question());
    }

    @Test
    void webqaTakesTheFirstAnswerAndKeepsTheOthersAsAliases() {
        Fact fact = pool("webqa", "webqa.jsonl").facts().get(0);

        assertEquals("Jazmyn Bieber", fact.answer());
        assertEquals(List.of("Jaxon Bieber"), fact.aliases());
    }

    @Test
    void ultrachatKeepsTheFirstExchangeAndSkipsDialoguesWithoutAnAnswer() {
        SourcePool pool = pool("ultrachat", "ultrachat.jsonl");

        assertEquals(List.of("ultrachat-0", "ultrachat-1", "ultrachat-3"), pool.facts().stream().map(Fact::id).toList());
        assertTrue(pool.facts().get(0).answer().startsWith("Cross training can benefit"));
        assertEquals("The tide comes in with silver light,\nand hums the harbour into night.",
                pool.facts().get(1).answer());
    }

    @Test
    void appsKeepsIntroductoryAndInterviewProblemsWithASolutionInThePapersPrompt() {
        SourcePool pool = pool("apps", "apps.jsonl");

        assertEquals(List.of("apps-0", "apps-1"), pool.facts().stream().map(Fact::id).toList(),
                "competition and solution-less problems are skipped");
        Fact standard = pool.facts().get(0);
        assertEquals("Question:\n Given n, print the sum 1 + 2 + ... + n.\n\n-----Input-----\nOne integer n.\n\n"
                + "-----Output-----\nThe sum.\nUse Standard Input format\nAnswer:\n", standard.question());
        assertEquals("n = int(input())\nprint(n * (n + 1) // 2)", standard.answer());
        Fact callBased = pool.facts().get(1);
        assertTrue(callBased.question().contains("\n\nSTARTER CODE:\nclass Solution:\n    def largest(self, nums):\n"),
                callBased.question());
        assertTrue(callBased.question().endsWith("\nUse Call-Based format\nAnswer:\n"), callBased.question());
    }

    @Test
    void instructionAndMathSetsMapTheirTwoColumns() {
        assertEquals("SELECT COUNT(*) FROM orders;", pool("evolcode", "evolcode.jsonl").facts().get(1).answer());
        Fact gsm = pool("gsm8k", "gsm8k.jsonl").facts().get(0);
        assertTrue(gsm.answer().endsWith("#### 72"));
        assertTrue(gsm.question().startsWith("Natalia sold clips"));
        Fact math = pool("math", "math.jsonl").facts().get(1);
        assertEquals("Compute $\\dbinom{8}{4}$.", math.question());
        assertTrue(math.answer().contains("\\boxed{70}"));
    }

    @Test
    void passagesOfAHundredWordsBecomeCompletionTasksAndShorterOnesAreSkipped() throws IOException {
        String words = String.join(" ", java.util.Collections.nCopies(60, "alpha beta"));
        Path file = Files.writeString(dir.resolve("corpus.jsonl"), "{\"text\": \"too short a passage\"}\n"
                + "{\"text\": \"" + words + "\"}\n");
        SourcePool pool = SourcePool.read(DatasetSources.named("passages"), file, "corpus.jsonl");

        assertEquals(List.of("passages-1"), pool.facts().stream().map(Fact::id).toList());
        Fact fact = pool.facts().get(0);
        assertTrue(fact.question().startsWith("Complete the following partial passage:\n\nalpha beta"));
        assertEquals(50, fact.answer().split(" ").length);
        assertFalse(DatasetSources.named("passages").factoid());
    }

    @ParameterizedTest
    @CsvSource({"popqa, popqa.jsonl", "triviaqa, triviaqa.jsonl", "entityquestions, entityquestions.json",
            "lama, lama.jsonl", "webqa, webqa.jsonl", "ultrachat, ultrachat.jsonl", "evolcode, evolcode.jsonl",
            "apps, apps.jsonl", "gsm8k, gsm8k.jsonl", "math, math.jsonl"})
    void aParquetExportGivesTheSameFactsAsItsJsonForm(String dataset, String fixture) {
        Path json = Fixtures.copy(fixture, dir);
        Path parquet = Fixtures.parquet(json, dir.resolve(dataset + ".parquet"));

        SourcePool fromJson = SourcePool.read(DatasetSources.named(dataset), json, fixture);
        SourcePool fromParquet = SourcePool.read(DatasetSources.named(dataset), parquet, dataset + ".parquet");

        assertFalse(fromJson.facts().isEmpty());
        assertEquals(fromJson.facts(), fromParquet.facts());
        assertFalse(fromJson.sha256().equals(fromParquet.sha256()));
    }
}
