package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.JsonFiles;
import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.data.probe.ProbeCompletion;
import ai.mnemo.data.probe.ProbeKey;
import ai.mnemo.data.probe.ProbeStore;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.datasets.mixing.GenericPassages;
import ai.mnemo.datasets.mixing.RandomWordSequences;
import ai.mnemo.datasets.mixing.RandomWordsSource;
import ai.mnemo.datasets.mixing.WordList;
import ai.mnemo.datasets.pool.MixingRecipe;
import ai.mnemo.datasets.pool.PoolCounts;
import ai.mnemo.datasets.pool.PreparedStage;
import ai.mnemo.datasets.pool.ReplayRecipe;
import ai.mnemo.datasets.pool.StagePools;
import ai.mnemo.datasets.prepare.FactStage;
import ai.mnemo.datasets.prepare.NotEnoughFactsException;
import ai.mnemo.datasets.prepare.Selection;
import ai.mnemo.datasets.prepare.Splits;
import ai.mnemo.datasets.source.SourcePool;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.v1.DatasetManifest;
import ai.mnemo.service.artifacts.ArtifactLayout;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Prepares one stage of a run in the artifact store: the facts of its split (KVR from its fixed pool; a public
 * dataset from its export, keeping only the facts the base model did not know when the stage is filtered), formatted,
 * plus the method's mixing rows and replayed D_A facts, shuffled into one pool, without the rows longer than the
 * stage's sequence limit, written as {@code dataset.jsonl}; and the manifest that says what went in. The same plan, exports and probe verdicts give byte-identical files.
 * <p>
 * The manifest file is written separately ({@link #writeManifest}); whether a stage was started is the run state's
 * to say ({@code ai.mnemo.data.run}), not any file's.
 */
@ApplicationScoped
public class StagePreparer {

    private final ArtifactStore store;
    private final SourceLoader sources;
    private final ProbeStore probes;
    private final RowLengths rowLengths;

    public StagePreparer(ArtifactStore store, SourceLoader sources, ProbeStore probes, RowLengths rowLengths) {
        this.store = store;
        this.sources = sources;
        this.probes = probes;
        this.rowLengths = rowLengths;
    }

    /**
     * Writes the stage's rows and returns them described.
     *
     * @throws DatasetUnavailableException when the stage asks for something that cannot be prepared, naming the field
     */
    public PreparedDataset prepare(RunPlan plan, int stageIndex) {
        StagePlan stage = plan.stage(stageIndex);
        ArtifactLayout.Run run = store.run(plan.runId());
        List<DatasetManifest.SourceFile> manifestSources = new ArrayList<>();
        DatasetManifest.ProbeCounts probe = null;

        Facts facts = null;
        if (!isKvr(stage)) {
            facts = facts(plan, stageIndex);
            manifestSources.add(new DatasetManifest.SourceFile(facts.pool().file(), facts.pool().sha256()));
            if (facts.probe() != null) {
                manifestSources.add(new DatasetManifest.SourceFile(store.root().relativize(
                        store.path(facts.probe().resultUri())).toString(), facts.probe().resultSha256()));
                probe = facts.probe().counts();
            }
        }
        MixingRecipe mixing = mixing(plan, stageIndex);
        boolean randomPrefix = isKvr(stage) && KvrSplits.RANDOM_PREFIX.equals(stage.dataset().format());
        boolean randomWords = mixing != null && mixing.source() instanceof RandomWordsSource;
        if (randomPrefix || randomWords) {
            WordList words = WordList.standard();
            manifestSources.add(new DatasetManifest.SourceFile(words.source(), words.sha256()));
        }
        if (mixing != null && !randomWords) {
            manifestSources.add(new DatasetManifest.SourceFile(mixing.source().sourcePath(),
                    mixing.source().sourceSha256()));
        }
        ReplayRecipe replay = replay(plan, stageIndex, manifestSources);

        PreparedStage pool;
        if (isKvr(stage)) {
            List<PreparedRow> rows = KvrSplits.rows(offset(plan, stageIndex), stage.dataset().size(),
                    stage.dataset().format(), WordList.standard());
            pool = StagePools.build(rows, mixing, replay, plan.seed(), stageIndex);
        } else {
            pool = FactStage.build(facts.pool(), facts.selection(), stage.dataset().format(), mixing, replay,
                    plan.seed(), stageIndex);
        }
        RowLengths.Fitted fitted = fit(plan, stageIndex, pool.rows());
        Path file = run.stage(stageIndex).dataset();
        JsonFiles.atomically(file, tmp -> PreparedRows.write(tmp, fitted.rows()));
        PoolCounts counts = PoolCounts.of(fitted.rows());
        DatasetManifest manifest = new DatasetManifest(stage.label(), plan.seed(), manifestSources,
                new DatasetManifest.Counts(counts.facts(), counts.mixing(), counts.replay(), counts.total(),
                        fitted.dropped()), Sha256.of(file), probe);
        return new PreparedDataset(stageIndex, stage.label(), store.uri(file), manifest);
    }

    /** The rows within the stage's sequence limit; a stage left without facts cannot be trained. */
    private RowLengths.Fitted fit(RunPlan plan, int i, List<PreparedRow> rows) {
        RowLengths.Fitted fitted;
        try {
            fitted = rowLengths.fit(plan.model(), plan.stage(i).training().maxSequenceLength(), rows);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new DatasetUnavailableException(i, "model", "cannot read the base model's tokenizer to measure the"
                    + " rows: " + e.getMessage(), e);
        }
        if (fitted.rows().stream().noneMatch(PreparedRow::isFact)) {
            throw new DatasetUnavailableException(i, "stages[" + i + "].training.maxSequenceLength", "every fact of"
                    + " stage " + i + " is longer than " + fitted.limit().tokens() + " tokens ("
                    + fitted.limit().source() + "); raise maxSequenceLength");
        }
        return fitted;
    }

    /**
     * Reads every export the run names (dataset and mixing files), so a missing file or column fails the run before
     * anything is probed or trained.
     */
    public void checkSources(RunPlan plan) {
        for (StagePlan stage : plan.stages()) {
            if (!isKvr(stage)) {
                sources.pool(stage.index(), stage);
            }
            if (stage.mixing() != null && !SpecVocabulary.RANDOM_WORDS.equals(stage.mixing().source())) {
                sources.passages(plan, stage.index());
            }
        }
    }

    /**
     * Checks that every stage has enough facts (after the filter, whose verdicts must be in) and enough mixing
     * passages, so a short pool fails the run before stage 0 trains.
     */
    public void checkAvailable(RunPlan plan) {
        for (StagePlan stage : plan.stages()) {
            if (!isKvr(stage)) {
                facts(plan, stage.index());
            }
            if (stage.mixing() != null && !SpecVocabulary.RANDOM_WORDS.equals(stage.mixing().source())) {
                GenericPassages passages = sources.passages(plan, stage.index());
                int needed = RandomWordSequences.count(stage.mixing().ratio(), stage.dataset().size());
                if (needed > passages.available()) {
                    throw new DatasetUnavailableException(stage.index(), "grid.methods[" + plan.methodIndex()
                            + "].mixing.ratio", passages.sourcePath() + " has " + passages.available()
                            + " passages of at least " + GenericPassages.MIN_WORDS + " words in its first "
                            + GenericPassages.ROWS_READ + " rows, but stage " + stage.index() + " needs " + needed
                            + " mixing rows: lower mixing.ratio or give a larger export");
                }
            }
        }
    }

    /** Writes the stage's manifest beside its rows. */
    public void writeManifest(String runId, PreparedDataset prepared) {
        JsonFiles.write(store.run(runId).stage(prepared.stageIndex()).manifest(), prepared.manifest());
    }

    /** A public dataset's pool, its usable facts' selection for the stage, and the probe verdict it relied on. */
    private record Facts(SourcePool pool, Selection selection, ProbeCompletion probe) {
    }

    private Facts facts(RunPlan plan, int i) {
        StagePlan stage = plan.stage(i);
        SourcePool pool = sources.pool(i, stage);
        ProbeCompletion completion = null;
        Set<String> usable = null;
        if (DatasetSupport.filtered(stage)) {
            ProbeKey key = ProbeKey.of(stage);
            completion = probes.completion(key.probeId(plan.experimentId(), plan.model()))
                    .orElseThrow(() -> new DatasetUnavailableException(i, "stages[" + i + "].dataset.filter",
                            "the known-fact filter on " + key.describe() + " has not reported yet; data-service starts"
                                    + " a run only after its probes complete, so re-submit the experiment"));
            usable = probes.unknownIds(completion);
        }
        try {
            Selection selection = Splits.select(pool.facts(), usable, offset(plan, i), stage.dataset().size(),
                    stage.dataset().name() + " (" + stage.dataset().path() + ")");
            return new Facts(pool, selection, completion);
        } catch (NotEnoughFactsException e) {
            throw new DatasetUnavailableException(i, "stages[" + i + "].dataset.size", e.getMessage(), e);
        }
    }

    private MixingRecipe mixing(RunPlan plan, int i) {
        StagePlan stage = plan.stage(i);
        if (stage.mixing() == null) {
            return null;
        }
        if (SpecVocabulary.RANDOM_WORDS.equals(stage.mixing().source())) {
            return new MixingRecipe(WordList.standard(), stage.mixing().ratio(), stage.mixing().wordsPerSequence());
        }
        return new MixingRecipe(stage.mixing().ratio(), sources.passages(plan, i));
    }

    private ReplayRecipe replay(RunPlan plan, int i, List<DatasetManifest.SourceFile> manifestSources) {
        if (plan.stage(i).replayFraction() == null) {
            return null;
        }
        Path stageZero = store.run(plan.runId()).stage(0).dataset();
        if (!Files.exists(stageZero)) {
            throw new DatasetUnavailableException(i, null, "replay needs stage 0's prepared rows at "
                    + store.uri(stageZero) + ", which are missing; re-submit the experiment under a new id");
        }
        manifestSources.add(new DatasetManifest.SourceFile(store.root().relativize(stageZero).toString(),
                Sha256.of(stageZero)));
        return new ReplayRecipe(PreparedRows.facts(stageZero), plan.stage(i).replayFraction());
    }

    /**
     * Usable facts before the stage's split: 0 for A; for B, the size of the run's A stage on the same pool (so A
     * and B never overlap), or B's own size when the run has no such A stage.
     */
    static int offset(RunPlan plan, int i) {
        StagePlan stage = plan.stage(i);
        Integer sizeOfA = null;
        if ("B".equalsIgnoreCase(stage.dataset().split())) {
            sizeOfA = plan.stages().stream()
                    .filter(s -> "A".equalsIgnoreCase(s.dataset().split()))
                    .filter(s -> s.dataset().name().equals(stage.dataset().name())
                            && Objects.equals(s.dataset().path(), stage.dataset().path()))
                    .map(s -> s.dataset().size()).findFirst().orElse(null);
        }
        return Splits.offset(stage.dataset().split(), stage.dataset().size(), sizeOfA);
    }

    private static boolean isKvr(StagePlan stage) {
        return SpecVocabulary.KVR.equals(stage.dataset().name());
    }
}
