package ai.mnemo.datasets.prepare;

import ai.mnemo.datasets.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits A and B of one pool (PAPER.md: "the first 2000 facts the base model does NOT know ... a B copy uses unknown
 * facts 2000..4000"): of the pool's usable facts in pool order (all of them, or those the known-fact filter found
 * unknown), split A takes the first N, split B the N after A's. When the run has no A stage on the same pool, B
 * starts after an A of its own size. A and B never overlap.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * @param size the split's own size
     * @param sizeOfA the size of the run's A stage on the same pool, or null when there is none
     * @return how many usable facts come before the split's first one
     */
    public static int offset(String split, int size, Integer sizeOfA) {
        return switch (split.toUpperCase(Locale.ROOT)) {
            case "A" -> 0;
            case "B" -> sizeOfA != null ? sizeOfA : size;
            default -> throw new IllegalArgumentException("unknown split " + split + " (A or B)");
        };
    }

    /**
     * The usable facts {@code [offset, offset + size)}.
     *
     * @param usable ids of the usable facts, or null when every fact is usable (no filter)
     * @param what names the pool in the message, e.g. {@code popqa (data/popqa.jsonl)}
     * @throws NotEnoughFactsException when the pool has fewer than {@code offset + size} usable facts
     */
    public static Selection select(List<Fact> pool, Set<String> usable, int offset, int size, String what) {
        List<Fact> facts = new ArrayList<>(size);
        List<Integer> indices = new ArrayList<>(size);
        int seen = 0;
        for (int i = 0; i < pool.size() && facts.size() < size; i++) {
            Fact fact = pool.get(i);
            if (usable != null && !usable.contains(fact.id())) {
                continue;
            }
            if (seen++ >= offset) {
                facts.add(fact);
                indices.add(i);
            }
        }
        if (facts.size() < size) {
            int available = usable == null ? pool.size() : (int) pool.stream().filter(f -> usable.contains(f.id())).count();
            String kind = usable == null ? "facts" : "facts the base model does not know (of " + pool.size()
                    + " in the pool)";
            throw new NotEnoughFactsException(what + " has " + available + " " + kind + ", but this split needs "
                    + (offset + size) + " (" + offset + " before it, " + size + " in it): lower the size to at most "
                    + Math.max(0, available - offset) + " or give a larger export", available, offset + size);
        }
        return new Selection(facts, indices);
    }
}
