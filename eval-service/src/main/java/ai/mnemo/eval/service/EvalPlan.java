package ai.mnemo.eval.service;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.PreparedRows;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.eval.scoring.PredictionsFile;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.lm.checkpoint.ModelDirectory;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An EvalJob's inputs resolved to local files and checked before any model is loaded, so a bad job fails in
 * milliseconds with a reason that names the field and the file, instead of deep inside generation.
 *
 * @param checkpoint a Hugging Face checkpoint directory (config, tokenizer and weights are present)
 * @param outputDir where the predictions files go (created when missing)
 */
public record EvalPlan(Path checkpoint, Path outputDir, List<PlannedTarget> targets) {

    public EvalPlan {
        targets = List.copyOf(targets);
    }

    /** Total fact rows over all targets. */
    public int facts() {
        return targets.stream().mapToInt(t -> t.facts().size()).sum();
    }

    /** @throws InvalidEvalJobException naming the first thing wrong with the job */
    public static EvalPlan resolve(EvalJob job, ArtifactStore store) {
        if (job.targets().isEmpty()) {
            throw new InvalidEvalJobException("targets: the job has no targets; list one per stage 0.."
                    + job.stageIndex());
        }
        Path checkpoint = checkpoint(job.checkpointUri(), store);
        Path outputDir = path(store, job.outputUri(), "outputUri");
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new InvalidEvalJobException("outputUri: " + outputDir + " exists and is not a directory");
        }
        List<PlannedTarget> targets = new ArrayList<>();
        Map<Path, String> files = new HashMap<>();
        for (int i = 0; i < job.targets().size(); i++) {
            PlannedTarget planned = target("targets[" + i + "]", job.targets().get(i), outputDir, store);
            String earlier = files.putIfAbsent(planned.predictions(), planned.field());
            if (earlier != null) {
                throw new InvalidEvalJobException(planned.field() + ": writes the same predictions file as "
                        + earlier + " (" + planned.predictions().getFileName() + "); give each target its own "
                        + "datasetStageIndex and dataset");
            }
            targets.add(planned);
        }
        return new EvalPlan(checkpoint, outputDir, targets);
    }

    /** A whole checkpoint, or adapters on one; either way everything it needs lies inside the artifact root. */
    private static Path checkpoint(String uri, ArtifactStore store) {
        Path dir = path(store, uri, "checkpointUri");
        if (!Files.isDirectory(dir)) {
            throw new InvalidEvalJobException("checkpointUri: no checkpoint directory at " + dir
                    + "; the stage's checkpoint was never saved there, or the URI is wrong");
        }
        String missing = ModelDirectory.missingPart(dir);
        if (missing != null) {
            throw new InvalidEvalJobException("checkpointUri: " + dir + " is not a Hugging Face checkpoint directory "
                    + "(nor adapters on one): it has no " + missing);
        }
        try {
            store.inside(ModelDirectory.wholeModel(dir));
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalJobException("checkpointUri: the adapters at " + dir + " name a base model outside "
                    + "the artifact root: " + e.getMessage(), e);
        }
        return dir;
    }

    private static PlannedTarget target(String field, EvalTarget target, Path outputDir, ArtifactStore store) {
        Metric metric;
        try {
            metric = Metric.named(target.metric());
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalJobException(field + ".metric: " + e.getMessage(), e);
        }
        if (target.maxNewTokens() < 0) {
            throw new InvalidEvalJobException(field + ".maxNewTokens: must be at least 1, or 0 to fit the gold "
                    + "answers, was " + target.maxNewTokens());
        }
        Path dataset = path(store, target.datasetUri(), field + ".datasetUri");
        if (!Files.isRegularFile(dataset)) {
            throw new InvalidEvalJobException(field + ".datasetUri: no prepared dataset at " + dataset
                    + "; prepare the stage's data first, or fix the URI");
        }
        List<PreparedRow> facts;
        try {
            facts = PreparedRows.facts(dataset);
        } catch (RuntimeException e) {
            throw new InvalidEvalJobException(field + ".datasetUri: " + e.getMessage(), e);
        }
        if (facts.isEmpty()) {
            throw new InvalidEvalJobException(field + ".datasetUri: " + dataset + " has no fact rows to evaluate");
        }
        Path predictions = outputDir.resolve(PredictionsFile.name(target.datasetStageIndex(), target.dataset()));
        return new PlannedTarget(field, target, facts, metric, predictions);
    }

    private static Path path(ArtifactStore store, String uri, String field) {
        try {
            return store.path(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalJobException(field + ": " + e.getMessage(), e);
        }
    }
}
