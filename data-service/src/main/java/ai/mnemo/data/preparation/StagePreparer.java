package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.JsonFiles;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.datasets.pool.MixingRecipe;
import ai.mnemo.datasets.pool.PoolCounts;
import ai.mnemo.datasets.pool.PreparedStage;
import ai.mnemo.datasets.pool.ReplayRecipe;
import ai.mnemo.datasets.pool.StagePools;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares one stage of a run in the artifact store: the facts of its split (formatted), the method's mixing rows
 * and replayed D_A facts, shuffled into one pool ({@link StagePools}), written as {@code dataset.jsonl}; and the
 * manifest that says what went in. The same plan gives byte-identical files.
 * <p>
 * The manifest file is written separately ({@link #writeManifest}), after the stage's job is published: its
 * presence is the mark that a stage was started, which keeps a redelivered event from starting it twice while a crash
 * before the publish still lets the redelivery start it.
 */
@ApplicationScoped
public class StagePreparer {

    private final ArtifactStore store;

    public StagePreparer(ArtifactStore store) {
        this.store = store;
    }

    /**
     * Writes the stage's rows and returns them described.
     *
     * @throws DatasetUnavailableException when the stage asks for something this version cannot prepare, or its
     *         inputs (stage 0's rows, for replay) are missing
     */
    public PreparedDataset prepare(RunPlan plan, int stageIndex) {
        DatasetSupport.check(plan, stageIndex);
        StagePlan stage = plan.stage(stageIndex);
        ArtifactLayout.Run run = store.run(plan.runId());
        WordList words = WordList.standard();
        List<DatasetManifest.SourceFile> sources = new ArrayList<>();

        List<PreparedRow> facts = KvrSplits.rows(stage.dataset().split(), stage.dataset().size(),
                stage.dataset().format(), words);
        MixingRecipe mixing = null;
        if (stage.mixing() != null) {
            mixing = new MixingRecipe(words, stage.mixing().ratio(), stage.mixing().wordsPerSequence());
        }
        if (KvrSplits.RANDOM_PREFIX.equals(stage.dataset().format()) || mixing != null) {
            sources.add(new DatasetManifest.SourceFile(words.source(), words.sha256()));
        }
        ReplayRecipe replay = null;
        if (stage.replayFraction() != null) {
            Path stageZero = run.stage(0).dataset();
            if (!Files.exists(stageZero)) {
                throw new DatasetUnavailableException(stageIndex, null, "replay needs stage 0's prepared rows at "
                        + store.uri(stageZero) + ", which are missing; re-submit the experiment under a new id");
            }
            replay = new ReplayRecipe(PreparedRows.facts(stageZero), stage.replayFraction());
            sources.add(new DatasetManifest.SourceFile(store.root().relativize(stageZero).toString(),
                    Sha256.of(stageZero)));
        }

        PreparedStage pool = StagePools.build(facts, mixing, replay, plan.seed(), stageIndex);
        Path file = run.stage(stageIndex).dataset();
        JsonFiles.atomically(file, tmp -> PreparedRows.write(tmp, pool.rows()));
        PoolCounts counts = pool.counts();
        DatasetManifest manifest = new DatasetManifest(stage.label(), plan.seed(), sources,
                new DatasetManifest.Counts(counts.facts(), counts.mixing(), counts.replay(), counts.total()),
                Sha256.of(file), null);
        return new PreparedDataset(stageIndex, stage.label(), store.uri(file), manifest);
    }

    /** Marks the stage as started; see the class comment. */
    public void writeManifest(String runId, PreparedDataset prepared) {
        JsonFiles.write(store.run(runId).stage(prepared.stageIndex()).manifest(), prepared.manifest());
    }

    /** Whether the stage was prepared and its training job published already. */
    public boolean isStarted(String runId, int stageIndex) {
        return Files.exists(store.run(runId).stage(stageIndex).manifest());
    }
}
