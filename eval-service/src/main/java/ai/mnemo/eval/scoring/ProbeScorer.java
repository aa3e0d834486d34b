package ai.mnemo.eval.scoring;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.probe.FewShotPrompt;
import ai.mnemo.datasets.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The known-fact filter's verdicts: the first {@code fewShot} candidates are the prompt's demonstrations (and are not
 * probed); every other candidate is asked through {@link FewShotPrompt}, answered greedily, and is known when the
 * metric accepts the first line of the answer against the gold answer or any of the fact's aliases (a model that
 * says "Holland" for "Netherlands" knows the fact).
 */
public final class ProbeScorer {

    private ProbeScorer() {
    }

    /** One result per probed candidate, in candidate order. */
    public static List<ProbeResult> score(List<Fact> candidates, int fewShot, Metric metric, Generation generation,
            int maxNewTokens) {
        List<Fact> demonstrations = candidates.subList(0, fewShot);
        List<Fact> probed = candidates.subList(fewShot, candidates.size());
        List<String> prompts = probed.stream().map(f -> FewShotPrompt.prompt(demonstrations, f.question())).toList();
        List<String> generated = generation.answers(prompts, maxNewTokens);
        if (generated.size() != probed.size()) {
            throw new IllegalStateException("generation returned " + generated.size() + " answers for " + probed.size()
                    + " candidates");
        }
        List<ProbeResult> results = new ArrayList<>(probed.size());
        for (int i = 0; i < probed.size(); i++) {
            results.add(verdict(probed.get(i), FewShotPrompt.answer(generated.get(i)), metric));
        }
        return results;
    }

    /** The gold answer is tried first, then the aliases in order; the first alias accepted is recorded. */
    private static ProbeResult verdict(Fact fact, String answer, Metric metric) {
        if (metric.correct(answer, fact.answer())) {
            return new ProbeResult(fact.id(), fact.question(), fact.answer(), answer, true);
        }
        String alias = fact.aliases().stream().filter(a -> metric.correct(answer, a)).findFirst().orElse(null);
        return new ProbeResult(fact.id(), fact.question(), fact.answer(), answer, alias != null, alias);
    }
}
