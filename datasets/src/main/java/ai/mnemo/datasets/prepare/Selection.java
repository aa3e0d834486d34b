package ai.mnemo.datasets.prepare;

import ai.mnemo.datasets.Fact;
import java.util.List;

/**
 * The facts a stage takes from its pool, in pool order, with each fact's index in the pool (which seeds per-fact
 * choices such as multiple-choice options).
 */
public record Selection(List<Fact> facts, List<Integer> poolIndices) {

    public Selection {
        facts = List.copyOf(facts);
        poolIndices = List.copyOf(poolIndices);
        if (facts.size() != poolIndices.size()) {
            throw new IllegalArgumentException(facts.size() + " facts but " + poolIndices.size() + " indices");
        }
    }

    public int size() {
        return facts.size();
    }
}
