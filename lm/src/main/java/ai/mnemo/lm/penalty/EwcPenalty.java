package ai.mnemo.lm.penalty;

import ai.djl.ndarray.NDArray;
import ai.mnemo.lm.model.Ops;
import ai.mnemo.lm.train.PenaltyTerm;
import java.util.List;
import java.util.Map;

/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017): {@code (lambda / 2) x sum_i F_i (theta_i - theta*_i)^2},
 * with {@code theta*} the weights after stage 0 and {@code F} the diagonal Fisher information of D_A there
 * ({@link FisherDiagonal}). It is a per-step term, added once per batch (on its first micro-batch).
 */
public final class EwcPenalty implements PenaltyTerm {

    private final Map<String, NDArray> parameters;
    private final Map<String, NDArray> anchor;
    private final Map<String, NDArray> fisher;
    private final double lambda;

    /**
     * @param parameters the model's parameters being trained, by name
     * @param anchor {@code theta*} under the same names
     * @param fisher {@code F} under the same names
     */
    public EwcPenalty(Map<String, NDArray> parameters, Map<String, NDArray> anchor, Map<String, NDArray> fisher,
            double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("the EWC lambda must be at least 0, was " + lambda);
        }
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            for (Map<String, NDArray> other : List.of(anchor, fisher)) {
                NDArray value = other.get(e.getKey());
                if (value == null || !value.getShape().equals(e.getValue().getShape())) {
                    throw new IllegalArgumentException("the EWC anchor and Fisher need a tensor " + e.getKey()
                            + " of shape " + e.getValue().getShape());
                }
            }
        }
        this.parameters = parameters;
        this.anchor = anchor;
        this.fisher = fisher;
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "ewc";
    }

    @Override
    public NDArray contribution(MicroBatch micro) {
        if (!micro.first()) {
            return null;
        }
        NDArray total = null;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray drift = e.getValue().sub(anchor.get(e.getKey())); // on the weights' manager
            drift.attach(micro.scope());
            NDArray term = drift.square().mul(fisher.get(e.getKey())).sum();
            total = total == null ? term : total.add(term);
        }
        return Ops.scale(total, lambda / 2);
    }
}
