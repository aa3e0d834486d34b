package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.util.SeededRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random initial weights from a seed, drawn in Java so a preset is the same on every engine and machine:
 * matrices ~ N(0, 0.02^2) as Hugging Face's {@code initializer_range}, norm weights 1, biases 0.
 */
public final class WeightInit {

    private static final double STD = 0.02;

    private WeightInit() {}

    /** Hugging Face-named weights, drawn in {@link ParameterShapes} order. */
    public static Map<String, NDArray> random(LlamaConfig config, long seed, NDManager manager) {
        SeededRandom random = new SeededRandom(seed);
        Map<String, NDArray> weights = new LinkedHashMap<>();
        ParameterShapes.of(config).forEach((name, shape) -> weights.put(name, name.endsWith(".bias")
                ? manager.zeros(shape) : shape.dimension() == 1 ? ones(manager, shape) : normal(random, manager, shape)));
        return weights;
    }

    private static NDArray normal(SeededRandom random, NDManager manager, Shape shape) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * STD);
        }
        return manager.create(values, shape);
    }

    private static NDArray ones(NDManager manager, Shape shape) {
        float[] values = new float[Math.toIntExact(shape.size())];
        Arrays.fill(values, 1f);
        return manager.create(values, shape);
    }
}
