package ai.mnemo.datasets.kvr;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.Seeds;
import ai.mnemo.datasets.mixing.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The KVR facts of a stage. Every experiment, run and method draws from one fixed pool, {@link KvrFacts} with
 * {@link #POOL_SEED}: split {@code A} is the pool's facts {@code [0, N)} and split {@code B} its facts
 * {@code [N, 2N)}, N being the stage's size, so A and B never overlap and every method compared sees the same
 * facts (the paper's A/B halves of one pool). The run's seed changes the order and the mixing rows, never the facts.
 */
public final class KvrSplits {

    /** The seed of the one KVR pool; a constant on purpose (see the class comment and docs/science.md). */
    public static final long POOL_SEED = 0L;

    public static final String QA = "qa";
    public static final String RANDOM_PREFIX = "random-prefix";
    public static final String FACT_ID_PREFIX = "fact-";

    private KvrSplits() {
    }

    /** Index of the split's first fact in the pool. */
    public static int offset(String split, int size) {
        return switch (split.toUpperCase(Locale.ROOT)) {
            case "A" -> 0;
            case "B" -> size;
            default -> throw new IllegalArgumentException("unknown KVR split " + split + " (A or B)");
        };
    }

    /** The split's {@code size} facts, in pool order. */
    public static List<Fact> facts(String split, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a KVR split needs at least one fact (size was " + size + ")");
        }
        int offset = offset(split, size);
        return List.copyOf(KvrFacts.generate(POOL_SEED, offset + size).subList(offset, offset + size));
    }

    /**
     * The split as prepared fact rows {@code fact-0 .. fact-(size-1)}: user = the question (after a random
     * passage for {@code random-prefix}), assistant = the value. A fact's passage is seeded by its place in the pool,
     * so it is the same in every run.
     */
    public static List<PreparedRow> rows(String split, int size, String format, WordList words) {
        return rows(offset(split, size), size, format, words);
    }

    /** The pool's facts {@code [offset, offset + size)} as prepared rows; see {@link #rows(String, int, String, WordList)}. */
    public static List<PreparedRow> rows(int offset, int size, String format, WordList words) {
        boolean prefixed = RANDOM_PREFIX.equals(format);
        if (!prefixed && !QA.equals(format)) {
            throw new IllegalArgumentException("KVR supports the formats qa and random-prefix (was " + format + ")");
        }
        if (size < 1 || offset < 0) {
            throw new IllegalArgumentException("a KVR split needs at least one fact and an offset >= 0 (were " + size
                    + ", " + offset + ")");
        }
        List<Fact> facts = KvrFacts.generate(POOL_SEED, offset + size).subList(offset, offset + size);
        List<PreparedRow> rows = new ArrayList<>(facts.size());
        for (int k = 0; k < facts.size(); k++) {
            Fact fact = facts.get(k);
            String user = prefixed
                    ? RandomPrefix.apply(fact.question(), words, Seeds.random(POOL_SEED, Seeds.RANDOM_PREFIX, offset + k))
                    : fact.question();
            rows.add(new PreparedRow(FACT_ID_PREFIX + k, user, fact.answer(), PreparedRow.FACT));
        }
        return rows;
    }
}
