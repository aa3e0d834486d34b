package ai.mnemo.lm.penalty;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.TrainingBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagonal of the (empirical) Fisher information of a set of facts: for each fact alone, the gradient of its
 * answer's log-likelihood (the sum of {@code log p} over its scored tokens, answer and EOS), squared elementwise,
 * then averaged over the facts. One forward and backward pass per fact.
 */
public final class FisherDiagonal {

    private FisherDiagonal() {}

    /** F by the model's parameter names, on {@code manager}. */
    public static Map<String, NDArray> of(Llama model, List<EncodedExample> facts, NDManager manager) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("the Fisher information needs at least one fact");
        }
        Map<String, NDArray> parameters = model.parameters();
        Map<String, NDArray> sums = new LinkedHashMap<>();
        parameters.forEach((name, p) -> sums.put(name, manager.zeros(p.getShape(), p.getDataType())));
        model.enableGradients();
        int padId = model.config().eosTokenId();
        for (EncodedExample fact : facts) {
            try (NDManager scope = manager.newSubManager()) {
                try (GradientCollector collector = model.manager().getEngine().newGradientCollector()) {
                    TrainingBatch batch = TrainingBatch.of(List.of(fact), padId, scope);
                    NDArray logLikelihood = CausalLmLoss.negativeLogLikelihood(
                            CausalLmLoss.scoredLogProbs(model, batch, scope), batch).neg();
                    collector.backward(logLikelihood);
                }
                for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                    NDArray gradient = e.getValue().getGradient();
                    gradient.attach(scope);
                    sums.get(e.getKey()).addi(gradient.square());
                    gradient.subi(gradient); // the next fact's gradient starts from zero
                }
            }
        }
        sums.values().forEach(sum -> sum.divi(facts.size()));
        return sums;
    }
}
