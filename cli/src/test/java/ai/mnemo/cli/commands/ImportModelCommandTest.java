package ai.mnemo.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.engine.TorchRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mnemo import-model} on the tiny preset saved in the Hugging Face layout, then on broken copies of it. */
class ImportModelCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path checkpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTinyCheckpoint() {
        checkpoint = shared.resolve("tiny-hf");
        try (NDManager manager = TorchRuntime.newManager()) {
            Presets.write("tiny", 0, checkpoint, manager);
        }
        assertNull(HfCheckpoint.missingPart(checkpoint));
    }

    /** Exit status, stdout, stderr of one invocation. */
    record Result(int status, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ImportModelCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return new Result(command.execute(args), out.toString(), err.toString());
    }

    private Path root() {
        return dir.resolve("models");
    }

    private Result importing(Path source, String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(source.toString(), "--name", name, "--model-root",
                root().toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** A copy of the checkpoint with one change. */
    private Path broken(Consumer<Path> change) throws IOException {
        Path copy = dir.resolve("broken");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(checkpoint)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        change.accept(copy);
        return copy;
    }

    private static void editConfig(Path dir, Consumer<ObjectNode> edit) {
        try {
            ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
            edit.accept(config);
            JSON.writeValue(dir.resolve("config.json").toFile(), config);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertRefused(Result result, int status, String expected) throws IOException {
        assertEquals(status, result.status(), result.err());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("mnemo import-model: "), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().lines().count(), "one line, no stack trace: " + result.err());
        if (Files.isDirectory(root())) {
            try (Stream<Path> left = Files.list(root())) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".importing-")),
                        "no staging directory left behind");
            }
        }
    }

    @Test
    void importsACheckpointUnderItsNameWhereSpecsFindIt() throws IOException {
        Files.createDirectories(checkpoint.resolve("original"));
        Files.writeString(checkpoint.resolve("pytorch_model.bin"), "not read by Mnemo");
        try {
            Result result = importing(checkpoint, "tiny-base");

            assertEquals(0, result.status(), result.err());
            assertTrue(result.out().contains("imported tiny-base: llama, "), result.out());
            assertTrue(result.out().contains("in 2 layers"), result.out());
            assertTrue(result.out().contains("left out (Mnemo does not read them): original/, pytorch_model.bin"),
                    result.out());
            assertTrue(result.out().contains("model: {uri: tiny-base}"), result.out());
            Path imported = root().resolve("tiny-base");
            assertNull(HfCheckpoint.missingPart(imported));
            assertEquals(HfCheckpoint.config(checkpoint), HfCheckpoint.config(imported));
            assertEquals(Files.size(checkpoint.resolve("model.safetensors")),
                    Files.size(imported.resolve("model.safetensors")));
            assertFalse(Files.exists(imported.resolve("pytorch_model.bin")));
            try (Stream<Path> entries = Files.list(root())) {
                assertEquals(List.of("tiny-base"), entries.map(p -> p.getFileName().toString()).toList(),
                        "only the model: the staging directory was renamed into place");
            }
        } finally {
            Files.delete(checkpoint.resolve("pytorch_model.bin"));
            Files.delete(checkpoint.resolve("original"));
        }
    }

    @Test
    void anExistingNameIsReplacedOnlyWhenAskedAndLinksShareTheFiles() throws IOException {
        assertEquals(0, importing(checkpoint, "base").status());
        assertRefused(importing(checkpoint, "base"), 1, "exists already: name the model differently, or pass "
                + "--replace");

        Result replaced = importing(checkpoint, "base", "--replace", "--link");
        assertEquals(0, replaced.status(), replaced.err());
        Path weights = root().resolve("base").resolve("model.safetensors");
        assertTrue(Files.isSameFile(checkpoint.resolve("model.safetensors"), weights), "hard-linked");
        try (Stream<Path> entries = Files.list(root())) {
            assertEquals(1, entries.count(), "the replaced copy is gone");
        }
    }

    @Test
    void namesThatAreNotOnePlainDirectoryAreRefused() throws IOException {
        for (String name : List.of("../escape", "a/b", ".hidden", "..", "")) {
            assertRefused(importing(checkpoint, name), 2, "--name must be one plain directory name");
        }
        assertFalse(Files.exists(dir.resolve("escape")));
    }

    @Test
    void aCheckpointWithoutItsTokenizerIsRefused() throws IOException {
        Path source = broken(d -> d.resolve("tokenizer.json").toFile().delete());
        assertRefused(importing(source, "m"), 1, "has no tokenizer.json");
        assertFalse(Files.exists(root().resolve("m")));
    }

    @Test
    void weightsOfAnotherShapeThanTheConfigImpliesAreRefused() throws IOException {
        Path source = broken(d -> editConfig(d, c -> c.put("intermediate_size", 512)));
        assertRefused(importing(source, "m"), 1, "model.safetensors: tensor model.layers.0.mlp.gate_proj.weight "
                + "has shape [344, 128], config.json implies [512, 128]");
    }

    @Test
    void weightsThatLackTensorsTheConfigImpliesAreRefused() throws IOException {
        Path source = broken(d -> editConfig(d, c -> c.put("num_hidden_layers", 3)));
        assertRefused(importing(source, "m"), 1, "the weights lack 9 of the 30 tensors config.json implies, first "
                + "model.layers.2.input_layernorm.weight");
    }

    @Test
    void aTruncatedDownloadIsRefused() throws IOException {
        Path source = broken(d -> {
            try (FileChannel weights = FileChannel.open(d.resolve("model.safetensors"), StandardOpenOption.WRITE)) {
                weights.truncate(weights.size() - 1000);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertRefused(importing(source, "m"), 1, "model.safetensors is truncated");
    }

    @Test
    void anUnsupportedFamilyOrUnreadableConfigIsRefused() throws IOException {
        Path gpt2 = broken(d -> editConfig(d, c -> c.put("model_type", "gpt2")));
        assertRefused(importing(gpt2, "m"), 1, "config.json: invalid model config: model_type gpt2");
        Files.writeString(gpt2.resolve("config.json"), "{\"hidden_size\": ");
        assertRefused(importing(gpt2, "m"), 1, "config.json: ");
        assertRefused(importing(dir.resolve("nowhere"), "m"), 1, "is not a directory");
    }
}
