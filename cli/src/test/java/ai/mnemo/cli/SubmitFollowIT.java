package ai.mnemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.ResultsJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code mnemo submit --follow} through the real thing: the packaged broker and four services as processes (as
 * {@code ./mnemo up} starts them), a tiny experiment of eight facts, the progress bars over REST, the exit code and
 * the table at the end; then {@code list --json} and {@code results --json} read it back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmitFollowIT {

    private static final String SPEC = """
            {"name": "follow", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "split": "A", "size": 8}},
                        {"dataset": {"name": "kvr", "split": "B", "size": 8}}],
             "training": {"learningRate": 0.003, "batchSize": 8, "stopping": {"rule": "memorized", "epochs": 150}},
             "evaluation": {"maxNewTokens": 16},
             "grid": {"methods": [{"name": "naive"}]}}""";

    private StackState stack;
    private Path dir;

    @BeforeAll
    void startStack() throws Exception {
        dir = Files.createTempDirectory("mnemo-follow");
        stack = new LocalStack(MnemoHome.current(), new PrintStream(System.out, true))
                .start(dir, Ports.free(), StackOptions.forThisMachine());
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            LocalStack.stop(stack.processes());
        }
    }

    @Test
    void followShowsTheEndAndTheTableAndExitsByHowItEnded() throws Exception {
        Path spec = Files.writeString(dir.resolve("follow.json"), SPEC);
        String url = stack.resultsUrl();

        CliRun submitted = CliRun.echoing("submit", spec.toString(), "--url", url, "--token",
                LocalAuth.of(stack.dir()).token("ada"), "--follow", "--poll", "PT1S");

        assertEquals(0, submitted.code(), submitted.out() + submitted.err());
        String id = submitted.out().lines().findFirst().orElseThrow();
        assertTrue(submitted.out().contains("follow (" + id + "): completed"), submitted.out());
        String header = submitted.out().lines().filter(l -> l.startsWith("method")).findFirst().orElseThrow();
        assertTrue(header.contains("stage 1 steps") && header.contains("retention D_A"), header);
        assertTrue(submitted.out().lines().anyMatch(l -> l.startsWith("naive/seed0") && l.endsWith("completed")),
                submitted.out());
        assertTrue(submitted.out().contains("report: " + url + "/experiments/" + id), submitted.out());

        CliRun list = CliRun.echoing("list", "--url", url, "--json", "--limit", "5");
        assertEquals(0, list.code(), list.err());
        assertTrue(Arrays.stream(ResultsJson.strict().readValue(list.out(), ExperimentSummary[].class))
                .anyMatch(e -> e.id().equals(id) && e.status().equals("completed") && e.runs().completed() == 1),
                list.out());

        CliRun results = CliRun.echoing("results", id, "--url", url, "--json");
        assertEquals(0, results.code(), results.err());
        ExperimentLineage lineage = ResultsJson.tolerant().readValue(results.out(), ExperimentLineage.class);
        assertEquals("completed", lineage.status());
        assertEquals(2, lineage.runs().get(0).stages().size());
        // the last progress report of a trained stage: its steps, within the planned ones
        var progress = lineage.runs().get(0).stages().get(1).progress();
        assertTrue(progress != null && progress.step() > 0 && progress.step() <= progress.plannedSteps(),
                String.valueOf(progress));
    }
}
