package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.mnemo.lm.model.Llama;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with two parameter groups (weight decay on matrices, none on vectors), updating each parameter with the
 * engine's fused Adam kernel. The bias corrections are folded into the kernel's learning rate and epsilon so the
 * update is exactly PyTorch's {@code torch.optim.AdamW}:
 * {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}. The kernel also zeroes each gradient.
 *
 * <p>With a master copy (mixed precision) the kernel updates an FP32 copy of each half-precision weight from the
 * weight's gradient widened to FP32, one parameter at a time, and the weight is then set to the rounded master;
 * the moments are FP32. Without one, the moments take the weights' dtype (FP32, or bf16 for pure bf16).
 */
public final class AdamW {

    private final Map<String, NDArray> weights; // the model's tensors, whose gradients drive the update
    private final Map<String, NDArray> masters; // FP32 copies the kernel updates; empty without a master copy
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final int[] shareOf; // which of two threads updates each parameter, in map order
    private long steps;

    public AdamW(Map<String, NDArray> parameters, NDManager manager, double beta1, double beta2, double epsilon,
            double weightDecay) {
        this(parameters, false, manager, beta1, beta2, epsilon, weightDecay);
    }

    private AdamW(Map<String, NDArray> parameters, boolean masterCopy, NDManager manager, double beta1,
            double beta2, double epsilon, double weightDecay) {
        this.weights = parameters;
        this.masters = new LinkedHashMap<>();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.shareOf = balancedShares(parameters);
        parameters.forEach((name, p) -> {
            NDArray updated = p;
            if (masterCopy) {
                updated = p.toType(DataType.FLOAT32, true);
                updated.attach(manager);
                masters.put(name, updated);
            }
            firstMoments.put(name, manager.zeros(p.getShape(), updated.getDataType()));
            secondMoments.put(name, manager.zeros(p.getShape(), updated.getDataType()));
        });
    }

    /**
     * AdamW over what {@code model} trains (its weights, or its adapters when attached), as {@code options} set it,
     * with an FP32 master copy when the options' precision keeps one.
     */
    public static AdamW forTraining(Llama model, TrainingOptions options) {
        return new AdamW(model.trainableParameters(), options.precision().masterCopy(), model.manager(),
                options.beta1(), options.beta2(), options.epsilon(), options.weightDecay());
    }

    /** The model's tensors it updates, by name, in update order: their gradients are the step's input. */
    public Map<String, NDArray> parameters() {
        return weights;
    }

    /** The FP32 master copies by name (fused names), or an empty map without a master copy. */
    public Map<String, NDArray> masters() {
        return masters;
    }

    /** Optimizer steps taken so far (the bias-correction step count). */
    public long steps() {
        return steps;
    }

    /**
     * One update of every parameter from its gradient times {@code gradientScale} (the clipping coefficient, divided
     * by the loss scale when the loss was scaled). {@code gradients} are in the order of the parameter map.
     */
    public void step(List<NDArray> gradients, double learningRate, double gradientScale) {
        step(gradients, learningRate, gradientScale, null);
    }

    /**
     * As {@link #step(List, double, double)}, with the parameters split by size between the two half threads when
     * {@code halves} is given and there is no master copy: each parameter's update is its own, so the split changes
     * no bit.
     */
    void step(List<NDArray> gradients, double learningRate, double gradientScale, BatchHalves halves) {
        steps++;
        double correction1 = 1.0 - Math.pow(beta1, steps);
        double sqrtCorrection2 = Math.sqrt(1.0 - Math.pow(beta2, steps));
        Update update = new Update(gradients, (float) learningRate,
                (float) (learningRate * sqrtCorrection2 / correction1), (float) (epsilon * sqrtCorrection2),
                (float) gradientScale);
        if (halves == null || !masters.isEmpty()) {
            update.parameters(0, 1);
            return;
        }
        halves.both(() -> update.parameters(0, 2), () -> update.parameters(1, 2));
    }

    /** One step's coefficients, applied to a share of the parameters. */
    private final class Update {
        private final List<NDArray> gradients;
        private final float learningRate;
        private final float stepSize;
        private final float scaledEpsilon;
        private final float gradientScale;

        Update(List<NDArray> gradients, float learningRate, float stepSize, float scaledEpsilon, float gradientScale) {
            this.gradients = gradients;
            this.learningRate = learningRate;
            this.stepSize = stepSize;
            this.scaledEpsilon = scaledEpsilon;
            this.gradientScale = gradientScale;
        }

        /** Updates the parameters of share {@code share} of {@code shares} ({@link #shareOf}); returns null. */
        Void parameters(int share, int shares) {
            int i = 0;
            for (Map.Entry<String, NDArray> e : weights.entrySet()) {
                NDArray gradient = gradients.get(i);
                if (shares == 1 || shareOf[i] == share) {
                    parameter(e.getKey(), e.getValue(), gradient);
                }
                i++;
            }
            return null;
        }

        private void parameter(String name, NDArray weight, NDArray gradient) {
            NDArray master = masters.get(name);
            NDArray updated = master == null ? weight : master;
            NDArray widened = master == null ? gradient : gradient.toType(DataType.FLOAT32, true);
            float decay = weight.getShape().dimension() >= 2 ? (float) weightDecay : 0f;
            updated.getNDArrayInternal().adamUpdate(
                    new NDList(updated, widened, firstMoments.get(name), secondMoments.get(name)),
                    new NDList(updated),
                    learningRate, stepSize, decay, gradientScale, -1f,
                    (float) beta1, (float) beta2, scaledEpsilon, false, true);
            if (master != null) {
                widened.close();
                copyRounded(master, weight);
                zeroGradient(weight); // the kernel zeroed the widened copy, not the weight's own gradient
            }
        }
    }

    /** Two shares of about equal size: the largest parameters first, each to the lighter share. */
    private static int[] balancedShares(Map<String, NDArray> parameters) {
        List<NDArray> list = new ArrayList<>(parameters.values());
        Integer[] bySize = new Integer[list.size()];
        for (int i = 0; i < bySize.length; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, Comparator.comparingLong((Integer i) -> list.get(i).size()).reversed());
        int[] share = new int[list.size()];
        long[] load = new long[2];
        for (int i : bySize) {
            share[i] = load[0] <= load[1] ? 0 : 1;
            load[share[i]] += list.get(i).size();
        }
        return share;
    }

    /** Zeroes every weight's gradient without updating: a skipped step (fp16 overflow). */
    public void zeroGradients() {
        weights.values().forEach(AdamW::zeroGradient);
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

    /**
     * Restores the FP32 master copies from saved FP32 weights (fused names) and sets the model's weights to them
     * rounded: a resumed run continues from the exact master, not from its half-precision rounding.
     */
    public void restoreMasters(Map<String, NDArray> savedWeights) {
        restoreInto(masters, "", savedWeights);
        masters.forEach((name, master) -> copyRounded(master, weights.get(name)));
    }

    private static void copyRounded(NDArray master, NDArray weight) {
        try (NDArray rounded = master.toType(weight.getDataType(), true)) {
            rounded.copyTo(weight);
        }
    }

    private static void zeroGradient(NDArray weight) {
        if (weight.hasGradient()) {
            JniUtils.zeroGrad((PtNDArray) weight);
        }
    }

    private static void restoreInto(Map<String, NDArray> targets, String prefix, Map<String, NDArray> saved) {
        targets.forEach((name, target) -> {
            NDArray value = saved.get(prefix + name);
            if (value == null || !value.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException("optimizer state has no matching " + prefix + name);
            }
            NDArray typed = value.toType(target.getDataType(), false);
            typed.copyTo(target);
            if (typed != value) {
                typed.close();
            }
        });
    }
}
