package ai.mnemo.service.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door's rules that need the deployment: the engine's precisions, the fleet's memory, the model root. */
class DoorRulesTest {

    private static final String SPEC = """
            {"name": "door", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "size": 8}}, {"dataset": {"name": "kvr", "split": "B", "size": 8}}],
             "training": {"precision": "PRECISION"},
             "grid": {"methods": [{"name": "METHOD"}]}}""";

    private static ExperimentSpec spec(String precision, String method) {
        return ExperimentSpecs.requireValid(ExperimentSpecs.parse(SPEC.replace("PRECISION", precision)
                .replace("METHOD", method)));
    }

    @Test
    void bf16IsRefusedWhereTheEngineCannotRunIt() {
        List<Violation> violations = EngineRules.check(spec("bf16", "naive"), false);
        assertEquals("training.precision", violations.get(0).field());
        assertTrue(violations.get(0).message().contains("use mixed-fp16 or fp32"), violations.toString());
        assertTrue(EngineRules.check(spec("bf16", "naive"), true).isEmpty(), "an engine that maps bf16");
        assertTrue(EngineRules.check(spec("mixed-fp16", "naive"), false).isEmpty());
        ExperimentSpec unsaid = ExperimentSpecs.parse(SPEC.replace("\"training\": {\"precision\": \"PRECISION\"},", "")
                .replace("METHOD", "lora"));
        assertTrue(EngineRules.check(unsaid, false).isEmpty(), "no precision written means fp32");
    }

    @Test
    void halfPrecisionDoesNotCombineWithLoraStages() {
        List<Violation> violations = EngineRules.check(spec("mixed-fp16", "lora"), false);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).message().contains("grid.methods[0] is lora"), violations.toString());
        assertTrue(EngineRules.check(spec("fp32", "lora"), false).isEmpty());
    }

    @Test
    void aRunThatCannotFitTheFleetsGpuIsRefusedWithTheArithmetic(@TempDir Path root) {
        ArtifactStore store = new ArtifactStore(root);
        List<Violation> tooSmall = new FleetMemory(1 << 20, store).check(spec("fp32", "naive"));
        assertEquals(1, tooSmall.size(), tooSmall.toString());
        assertEquals("grid.methods", tooSmall.get(0).field());
        assertTrue(tooSmall.get(0).message().contains("does not fit"), tooSmall.toString());
        assertTrue(tooSmall.get(0).message().contains(" = "), "the arithmetic: " + tooSmall);
        assertTrue(new FleetMemory(80L << 30, store).check(spec("fp32", "naive")).isEmpty());
    }

    @Test
    void aModelUriMustNameACheckpointUnderTheModelRoot(@TempDir Path root) throws Exception {
        ModelRootCatalog models = new ModelRootCatalog(new ArtifactStore(root));
        assertTrue(models.problem("llama").orElseThrow().contains("no model 'llama'"));
        Files.createDirectories(root.resolve("models/llama"));
        Files.writeString(root.resolve("models/llama/config.json"), "{}");
        assertTrue(models.problem("llama").isEmpty());
        Path outside = Files.createTempDirectory("elsewhere");
        Files.writeString(outside.resolve("config.json"), "{}");
        Files.createSymbolicLink(root.resolve("models/linked"), outside);
        assertTrue(models.problem("linked").orElseThrow().contains("outside the model root"));
        assertTrue(models.problem("../../etc").isPresent());
    }
}
