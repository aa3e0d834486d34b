package ai.mnemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.commands.QuickstartCommand;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end, as a user runs it: the quickstart starts the project's Kafka broker and the four packaged services
 * as processes, and a small experiment flows through all of them (data -> training -> evaluation -> results).
 */
class QuickstartIT {

    @Test
    void aSmallExperimentFlowsThroughAllFourServices(@TempDir Path dir) throws Exception {
        Path summaryFile = dir.resolve("summary.json");
        QuickstartCommand quickstart = new QuickstartCommand();
        new CommandLine(quickstart).parseArgs("--facts", "8", "--seed", "1", "--out", summaryFile.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(console, System.out), true, StandardCharsets.UTF_8);

        int exit = quickstart.run(MnemoHome.current(), tee);

        String printed = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        JsonNode summary = EventCodec.json().readTree(summaryFile.toFile());
        assertNotNull(summary.get("experimentId").asText());
        assertEquals(2, summary.get("runs").size(), "naive and REMIX");
        for (JsonNode run : summary.get("runs")) {
            assertEquals("completed", run.get("status").asText(), run.toString());
            JsonNode stages = run.get("stages");
            assertEquals(2, stages.size());
            assertEquals("kvr:A", stages.get(0).get("dataset").asText());
            assertTrue(stages.get(0).get("steps").asLong() > 0);
            assertEquals(1.0, stages.get(0).get("accuracy").get("kvr:A").asDouble(), "stage 1 memorized D_A");
            assertEquals(1.0, stages.get(1).get("accuracy").get("kvr:B").asDouble(), "stage 2 memorized D_B");
            double retention = run.get("retention").asDouble();
            assertTrue(retention >= 0 && retention <= 1, run.toString());
            assertEquals(stages.get(1).get("accuracy").get("kvr:A").asDouble(), retention);
        }
        assertTrue(printed.contains("retention D_A"), printed);
        assertTrue(printed.contains("stored by results-service"), printed);
        assertTrue(printed.contains("/experiments/" + summary.get("experimentId").asText()), "the report URL");
    }

    /** Writes to two streams: the test keeps what was printed, the build log shows it. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int value) throws java.io.IOException {
            a.write(value);
            b.write(value);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
