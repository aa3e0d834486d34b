package ai.mnemo.datasets.pool;

/** Rows of a prepared stage by origin: the stage's own facts, mixing sequences, replayed D_A facts, and the sum. */
public record PoolCounts(int facts, int mixing, int replay, int total) {

    public PoolCounts {
        if (facts < 0 || mixing < 0 || replay < 0 || total != facts + mixing + replay) {
            throw new IllegalArgumentException("inconsistent counts: " + facts + " + " + mixing + " + " + replay
                    + " != " + total);
        }
    }
}
