package ai.mnemo.lm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.model.ParameterNames;
import ai.mnemo.lm.model.ParameterShapes;
import ai.mnemo.lm.testing.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published configs of the paper's models parse, and imply the published parameter counts. */
class LlamaConfigTest {

    private static final Path CONFIGS = Path.of("src/test/resources/configs");

    @Test
    void llama3With8BillionParameters() {
        LlamaConfig config = LlamaConfig.read(CONFIGS.resolve("llama-3-8b.json"));
        assertEquals(128, config.headSize());
        assertEquals(4, config.queriesPerKeyValue());
        assertEquals(500000.0, config.ropeTheta());
        assertEquals(128001, config.eosTokenId());
        assertEquals(8_030_261_248L, ParameterShapes.count(config));
        assertEquals(ParameterShapes.count(config), ai.mnemo.lm.plan.ParameterCount.model(config),
                "the planner counts what the model holds");
        Map<String, Shape> shapes = ParameterShapes.of(config);
        assertEquals(new Shape(1024, 4096), shapes.get(ParameterNames.attention(31, "k_proj")));
        assertEquals(new Shape(4096, 14336), shapes.get(ParameterNames.mlp(0, "down_proj")));
        assertEquals(new Shape(128256, 4096), shapes.get(ParameterNames.LM_HEAD));
        assertEquals(32 * 9 + 3, shapes.size());
    }

    @Test
    void mistral7BKeepsItsFamilyAndWindow() {
        LlamaConfig config = LlamaConfig.read(CONFIGS.resolve("mistral-7b.json"));
        assertEquals("mistral", config.modelType());
        assertEquals(4096, config.slidingWindow());
        assertEquals(4096, config.maxSequenceLength());
        assertEquals(7_241_732_096L, ParameterShapes.count(config));
    }

    @Test
    void llama31ParsesItsScaledRotaryAndKeepsTheParameterCount(@TempDir Path dir) {
        LlamaConfig config = LlamaConfig.read(CONFIGS.resolve("llama-3.1-8b-rope-scaling.json"));
        assertEquals(new RopeScaling("llama3", 8.0, 1.0, 4.0, 8192), config.ropeScaling());
        assertEquals(8_030_261_248L, ParameterShapes.count(config));
        config.write(dir.resolve("config.json"));
        assertEquals(config, LlamaConfig.read(dir.resolve("config.json")), "written and read back");
    }

    @Test
    void otherRopeScalingTypesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path yarn = Files.writeString(dir.resolve("config.json"), Files.readString(
                CONFIGS.resolve("llama-3.1-8b-rope-scaling.json")).replace("\"llama3\"", "\"yarn\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LlamaConfig.read(yarn));
        assertTrue(e.getMessage().contains("rope_scaling type yarn is not supported"), e.getMessage());
    }

    @Test
    void qwen2HasQkvBiasesAndTiedEmbeddingsAndIgnoresAnUnusedWindow() {
        LlamaConfig config = LlamaConfig.read(Reference.FAMILIES.resolve("qwen2/config.json"));
        assertTrue(config.qkvBias());
        assertTrue(config.tieWordEmbeddings());
        assertNull(config.slidingWindow(), "use_sliding_window is false");
        assertEquals(1e6, config.ropeTheta());
        assertEquals(new Shape(32), ParameterShapes.of(config).get(ParameterNames.attentionBias(1, "k_proj")));
        assertEquals(ParameterShapes.count(config), ai.mnemo.lm.plan.ParameterCount.model(config));
    }

    @Test
    void inconsistentShapesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LlamaConfig(128, 2, 4, 3, 344, 1e-5, 1e4, 260, false, 64, 256, 257, "llama", null, null));
        assertTrue(e.getMessage().contains("num_key_value_heads"), e.getMessage());
    }

    @Test
    void writtenConfigReadsBackAndNamesTheArchitecture(@TempDir Path dir) throws Exception {
        LlamaConfig mistral = LlamaConfig.read(CONFIGS.resolve("mistral-7b.json"));
        mistral.write(dir.resolve("config.json"));
        assertEquals(mistral, LlamaConfig.read(dir.resolve("config.json")));
        assertTrue(Files.readString(dir.resolve("config.json")).contains("MistralForCausalLM"));

        ModelPresets.tiny().write(dir.resolve("tiny.json"));
        LlamaConfig tiny = LlamaConfig.read(dir.resolve("tiny.json"));
        assertEquals(ModelPresets.tiny(), tiny);
        assertNull(tiny.slidingWindow());
        assertEquals(462_464, ParameterShapes.count(tiny), "the same size as the PyTorch peer's model");
        assertEquals(3_035_392, ParameterShapes.count(ModelPresets.small()), "a few million");
    }
}
