package ai.mnemo.datasets.pool;

import ai.mnemo.datasets.PreparedRow;
import java.util.List;

/** Replay for one later stage: a {@code fraction} of stage 0's fact rows (D_A as it was prepared). */
public record ReplayRecipe(List<PreparedRow> stageZeroFacts, double fraction) {

    public ReplayRecipe {
        stageZeroFacts = List.copyOf(stageZeroFacts);
        if (stageZeroFacts.stream().anyMatch(row -> !row.isFact())) {
            throw new IllegalArgumentException("replay samples stage 0's facts only");
        }
    }
}
