package ai.mnemo.lm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.SafeTensorsReader;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.WeightLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixtures of the PyTorch references (lm/src/test/python): the tiny-gqa model and its batch, and the files of
 * reference_methods.py; plus the comparisons the parity tests share.
 */
public final class Reference {

    public static final Path TINY_GQA = Path.of("src/test/resources/reference/tiny-gqa");
    public static final Path METHODS = Path.of("src/test/resources/reference/methods");
    /** reference_families.py's tiny models: {@code llama31} (scaled rotary) and {@code qwen2}. */
    public static final Path FAMILIES = Path.of("src/test/resources/reference/families");
    /** The tiny-gqa weights after reference_llama.py's 3 AdamW steps: a second, different model. */
    public static final Path AFTER_3_STEPS = TINY_GQA.resolve("after-3-steps.safetensors");

    private Reference() {}

    public static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tiny-gqa model with the weights of a safetensors file (its own, or after-3-steps). */
    public static Llama model(Path weights, NDManager parent) {
        NDManager manager = parent.newSubManager();
        return Llama.fromWeights(HfCheckpoint.config(TINY_GQA), SafeTensorsReader.read(weights, manager), manager);
    }

    public static Llama base(NDManager parent) {
        return model(TINY_GQA.resolve("model.safetensors"), parent);
    }

    /**
     * The fixture's 3 rows as examples: row b's loss mask covers its last k positions that have a target, which is
     * an example of 12 tokens whose prompt is the first 12 - k.
     */
    public static List<EncodedExample> examples() {
        JsonNode expected = json(TINY_GQA.resolve("expected.json"));
        List<EncodedExample> rows = new ArrayList<>();
        for (int r = 0; r < expected.get("input_ids").size(); r++) {
            JsonNode ids = expected.get("input_ids").get(r);
            JsonNode mask = expected.get("loss_mask").get(r);
            int[] tokens = new int[ids.size()];
            int firstScored = -1;
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = ids.get(i).asInt();
                if (firstScored < 0 && mask.get(i).asDouble() > 0) {
                    firstScored = i;
                }
            }
            rows.add(new EncodedExample(tokens, firstScored + 1));
        }
        return rows;
    }

    /** Fused in-memory gradients of the parameters, renamed to Hugging Face names, attached to scope. */
    public static Map<String, NDArray> huggingFaceGradients(Llama model, NDManager scope) {
        Map<String, NDArray> fused = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> {
            NDArray gradient = p.getGradient();
            gradient.attach(scope);
            fused.put(name, gradient);
        });
        return WeightLayout.unfuse(model.config(), fused);
    }

    /** {@code ||want - got|| / ||want||} over all elements. */
    public static double relativeError(float[] want, float[] got) {
        assertEquals(want.length, got.length, "element count");
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < want.length; i++) {
            diff += (want[i] - got[i]) * (double) (want[i] - got[i]);
            norm += want[i] * (double) want[i];
        }
        return Math.sqrt(diff / norm);
    }

    public static void assertRelativeError(float[] want, float[] got, double tolerance, String what) {
        double relative = relativeError(want, got);
        assertTrue(relative < tolerance, what + ": relative error " + relative);
    }

    public static void assertClose(double want, double got, double relative, String what) {
        assertEquals(want, got, Math.abs(want) * relative, what);
    }

    /** A JSON matrix of integers as rows of longs (token ids). */
    public static long[][] longMatrix(JsonNode rows) {
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = new long[rows.get(r).size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = rows.get(r).get(c).asLong();
            }
        }
        return out;
    }

    public static float[] floats(JsonNode node) {
        List<Float> values = new ArrayList<>();
        collect(node, values);
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void collect(JsonNode node, List<Float> values) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, values));
        } else {
            values.add((float) node.asDouble());
        }
    }
}
