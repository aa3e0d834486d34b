package ai.mnemo.datasets.prepare;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.format.FactRows;
import ai.mnemo.datasets.pool.MixingRecipe;
import ai.mnemo.datasets.pool.PreparedStage;
import ai.mnemo.datasets.pool.ReplayRecipe;
import ai.mnemo.datasets.pool.StagePools;
import ai.mnemo.datasets.source.SourcePool;
import java.util.List;

/**
 * A stage of a public dataset, from its selected facts to the shuffled pool: format the facts (template or multiple
 * choice), add the mixing and replay rows, shuffle ({@link StagePools}). data-service and {@code mnemo bench data}
 * both prepare stages through this class.
 */
public final class FactStage {

    private FactStage() {
    }

    public static PreparedStage build(SourcePool pool, Selection selection, String format, MixingRecipe mixing,
            ReplayRecipe replay, long runSeed, int stageIndex) {
        List<PreparedRow> facts = FactRows.rows(pool.dataset(), format, selection, pool.facts());
        return StagePools.build(facts, mixing, replay, runSeed, stageIndex);
    }
}
