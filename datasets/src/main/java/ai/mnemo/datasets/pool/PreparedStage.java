package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.PreparedRow;
import java.util.List;

/** The shuffled training pool of one stage and what it is made of. */
public record PreparedStage(List<PreparedRow> rows, PoolCounts counts) {

    public PreparedStage {
        rows = List.copyOf(rows);
        if (rows.size() != counts.total()) {
            throw new IllegalArgumentException(rows.size() + " rows but counts say " + counts.total());
        }
    }
}
