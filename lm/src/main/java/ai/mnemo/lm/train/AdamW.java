package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.model.Llama;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with two parameter groups (weight decay on matrices, none on vectors), updating each parameter with the
 * engine's fused Adam kernel. The bias corrections are folded into the kernel's learning rate and epsilon so the
 * update is exactly PyTorch's {@code torch.optim.AdamW}:
 * {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}. The kernel also zeroes each gradient.
 */
public final class AdamW {

    private final Map<String, NDArray> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private long steps;

    public AdamW(Map<String, NDArray> parameters, NDManager manager, double beta1, double beta2, double epsilon,
            double weightDecay) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        parameters.forEach((name, p) -> {
            firstMoments.put(name, manager.zeros(p.getShape()));
            secondMoments.put(name, manager.zeros(p.getShape()));
        });
    }

    /** AdamW over what {@code model} trains (its weights, or its adapters when attached), as {@code options} set it. */
    public static AdamW forTraining(Llama model, TrainingOptions options) {
        return new AdamW(model.trainableParameters(), model.manager(), options.beta1(), options.beta2(),
                options.epsilon(), options.weightDecay());
    }

    /** The parameters it updates, by name, in update order. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Optimizer steps taken so far (the bias-correction step count). */
    public long steps() {
        return steps;
    }

    /**
     * One update of every parameter from its gradient times {@code gradientScale} (the clipping coefficient).
     * {@code gradients} are in the order of the parameter map.
     */
    public void step(List<NDArray> gradients, double learningRate, double gradientScale) {
        steps++;
        double correction1 = 1.0 - Math.pow(beta1, steps);
        double sqrtCorrection2 = Math.sqrt(1.0 - Math.pow(beta2, steps));
        float stepSize = (float) (learningRate * sqrtCorrection2 / correction1);
        float scaledEpsilon = (float) (epsilon * sqrtCorrection2);
        int i = 0;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray weight = e.getValue();
            float decay = weight.getShape().dimension() >= 2 ? (float) weightDecay : 0f;
            weight.getNDArrayInternal().adamUpdate(
                    new NDList(weight, gradients.get(i++), firstMoments.get(e.getKey()), secondMoments.get(e.getKey())),
                    new NDList(weight),
                    (float) learningRate, stepSize, decay, (float) gradientScale, -1f,
                    (float) beta1, (float) beta2, scaledEpsilon, false, true);
        }
    }

    /** Moments by name ({@code m.<param>}, {@code v.<param>}), for checkpoints. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put("m." + name, m));
        secondMoments.forEach((name, v) -> state.put("v." + name, v));
        return state;
    }

    /** Restores moments saved by {@link #state()} and the step count; the saved arrays are copied in place. */
    public void restore(Map<String, NDArray> saved, long savedSteps) {
        restoreInto(firstMoments, "m.", saved);
        restoreInto(secondMoments, "v.", saved);
        this.steps = savedSteps;
    }

    private static void restoreInto(Map<String, NDArray> moments, String prefix, Map<String, NDArray> saved) {
        moments.forEach((name, moment) -> {
            NDArray value = saved.get(prefix + name);
            if (value == null || !value.getShape().equals(moment.getShape())) {
                throw new IllegalArgumentException("optimizer state has no matching " + prefix + name);
            }
            value.copyTo(moment);
        });
    }
}
