package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.PreparedRow;
import java.util.List;

/** Rows of a prepared stage by origin: the stage's own facts, mixing sequences, replayed D_A facts, and the sum. */
public record PoolCounts(int facts, int mixing, int replay, int total) {

    /** The counts of a pool's rows by their part. */
    public static PoolCounts of(List<PreparedRow> rows) {
        int facts = 0;
        int mixing = 0;
        for (PreparedRow row : rows) {
            facts += row.isFact() ? 1 : 0;
            mixing += PreparedRow.MIXING.equals(row.part()) ? 1 : 0;
        }
        return new PoolCounts(facts, mixing, rows.size() - facts - mixing, rows.size());
    }

    public PoolCounts {
        if (facts < 0 || mixing < 0 || replay < 0 || total != facts + mixing + replay) {
            throw new IllegalArgumentException("inconsistent counts: " + facts + " + " + mixing + " + " + replay
                    + " != " + total);
        }
    }
}
