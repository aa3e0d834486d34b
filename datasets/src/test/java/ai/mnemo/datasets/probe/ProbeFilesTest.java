package ai.mnemo.datasets.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.mnemo.datasets.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFewShotPromptListsTheDemonstrationsThenAsks() {
        String prompt = FewShotPrompt.prompt(List.of(new Fact("a", "Who wrote Emma?", "Jane Austen"),
                new Fact("b", "Capital of Peru?", "Lima")), "Who painted Guernica?");

        assertEquals("Q: Who wrote Emma?\nA: Jane Austen\n\nQ: Capital of Peru?\nA: Lima\n\nQ: Who painted Guernica?\nA:",
                prompt);
        assertEquals("Q: Who painted Guernica?\nA:", FewShotPrompt.prompt(List.of(), "Who painted Guernica?"));
    }

    @Test
    void theAnswerIsTheFirstGeneratedLineStripped() {
        assertEquals("Pablo Picasso", FewShotPrompt.answer(" Pablo Picasso\n\nQ: Who wrote"));
        assertEquals("Lima", FewShotPrompt.answer("\n  Lima  "));
        assertEquals("", FewShotPrompt.answer("   "));
        assertEquals("x", FewShotPrompt.answer("x"));
    }

    @Test
    void candidatesAndResultsSurviveTheirFiles() throws IOException {
        List<Fact> facts = List.of(new Fact("popqa-0", "Q \"one\"?", "a\nb"), new Fact("popqa-1", "Q2?", "c"));
        Path candidates = dir.resolve("p/candidates.jsonl");
        ProbeFiles.writeCandidates(candidates, facts);
        assertEquals(facts, ProbeFiles.readCandidates(candidates));
        assertEquals("{\"id\":\"popqa-1\",\"question\":\"Q2?\",\"answer\":\"c\"}",
                Files.readAllLines(candidates).get(1));

        List<ProbeResult> results = List.of(new ProbeResult("popqa-1", "Q2?", "c", "c", true));
        Path result = dir.resolve("p/result.jsonl");
        ProbeFiles.writeResults(result, results);
        assertEquals(results, ProbeFiles.readResults(result));
        assertEquals("{\"id\":\"popqa-1\",\"question\":\"Q2?\",\"answer\":\"c\",\"prediction\":\"c\",\"known\":true}",
                Files.readString(result).strip());

        Files.writeString(result, "{\"id\": 3}\n");
        assertThrows(IllegalArgumentException.class, () -> ProbeFiles.readCandidates(result));
    }

    @Test
    void aliasesAndTheAliasThatMatchedTravelInTheFilesOnlyWhenThereAreAny() throws IOException {
        List<Fact> facts = List.of(new Fact("webqa-0", "Q?", "Jazmyn Bieber", List.of("Jaxon Bieber")));
        Path candidates = dir.resolve("p/candidates.jsonl");
        ProbeFiles.writeCandidates(candidates, facts);
        assertEquals("{\"id\":\"webqa-0\",\"question\":\"Q?\",\"answer\":\"Jazmyn Bieber\","
                + "\"aliases\":[\"Jaxon Bieber\"]}", Files.readString(candidates).strip());
        assertEquals(facts, ProbeFiles.readCandidates(candidates));

        List<ProbeResult> results = List.of(
                new ProbeResult("webqa-0", "Q?", "Jazmyn Bieber", "Jaxon", true, "Jaxon Bieber"),
                new ProbeResult("webqa-1", "Q?", "Ottawa", "Paris", false));
        Path result = dir.resolve("p/result.jsonl");
        ProbeFiles.writeResults(result, results);
        assertEquals(List.of("{\"id\":\"webqa-0\",\"question\":\"Q?\",\"answer\":\"Jazmyn Bieber\","
                        + "\"prediction\":\"Jaxon\",\"known\":true,\"matchedAlias\":\"Jaxon Bieber\"}",
                "{\"id\":\"webqa-1\",\"question\":\"Q?\",\"answer\":\"Ottawa\",\"prediction\":\"Paris\","
                        + "\"known\":false}"), Files.readAllLines(result));
        assertEquals(results, ProbeFiles.readResults(result));
    }
}
