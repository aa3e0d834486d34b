package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.engine.EngineDtypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Global-norm gradient clipping as {@code torch.nn.utils.clip_grad_norm_}: the coefficient
 * {@code min(1, maxNorm / (norm + 1e-6))} scales every gradient; the optimizer applies it inside its update.
 */
public final class GradientClipping {

    private GradientClipping() {}

    /** The gradients of the parameters, in their order, as handles owned by {@code scope}. */
    public static List<NDArray> gradients(Collection<NDArray> parameters, NDManager scope) {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (NDArray parameter : parameters) {
            NDArray gradient = parameter.getGradient();
            gradient.attach(scope);
            gradients.add(gradient);
        }
        return gradients;
    }

    /** L2 norm of all gradients together (one host sync), in FP32: half-precision squares would overflow. */
    public static double globalNorm(List<NDArray> gradients) {
        NDList norms = new NDList(gradients.size());
        for (NDArray gradient : gradients) {
            norms.add(EngineDtypes.float32(gradient).norm());
        }
        return NDArrays.stack(norms).norm().getFloat();
    }

    public static double coefficient(double norm, double maxNorm) {
        return maxNorm <= 0 ? 1.0 : Math.min(1.0, maxNorm / (norm + 1e-6));
    }
}
