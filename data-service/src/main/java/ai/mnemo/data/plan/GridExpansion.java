package ai.mnemo.data.plan;

import ai.mnemo.data.catalogue.AutoStopping;
import ai.mnemo.data.catalogue.DefaultGenerationCaps;
import ai.mnemo.data.catalogue.DefaultMetrics;
import ai.mnemo.events.spec.DatasetSpec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.GridSpec;
import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.StageSpec;
import ai.mnemo.events.spec.TrainingSpec;
import ai.mnemo.events.v1.StoppingRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Expands an experiment's grid into runs (docs/experiment-spec.md, "Runs of a grid"): methods, each crossed with
 * the grid's values of its own main parameter (mix ratios, KL weights, EWC lambdas, LoRA ranks), then with the
 * grid's learning rates and batch sizes, then seeds, in that order. A run's id is
 * {@code UUID.nameUUIDFromBytes(experimentId + "/" + label)}, so a replayed request plans the very same runs.
 */
public final class GridExpansion {

    private GridExpansion() {
    }

    /**
     * @param spec a valid spec, resolved ({@link ExperimentSpec#resolve()})
     * @param stageZeroCheckpoint where a run's stage-0 checkpoint is written, by run id (the EWC anchor)
     */
    public static List<RunPlan> expand(String experimentId, ExperimentSpec spec,
            Function<String, String> stageZeroCheckpoint) {
        List<Cell> cells = cells(spec.grid(), spec.stages().size());
        Set<String> ambiguous = ambiguousMethodLabels(cells);
        List<RunPlan> runs = new ArrayList<>();
        for (Cell cell : cells) {
            String methodLabel = cell.methodLabel();
            if (ambiguous.contains(methodLabel)) {
                methodLabel += "#" + cell.methodIndex();
            }
            String label = RunLabels.run(methodLabel, cell.seed());
            String runId = runId(experimentId, label);
            runs.add(new RunPlan(experimentId, spec.name(), runId, label, cell.methodIndex(), cell.method(),
                    cell.seed(), spec.model().toModelRef(),
                    stages(spec, cell, stageZeroCheckpoint.apply(runId))));
        }
        return runs;
    }

    public static String runId(String experimentId, String label) {
        return UUID.nameUUIDFromBytes((experimentId + "/" + label).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One entry per run: a method with its parameter values, the grid's learning rate and batch size, a seed. */
    private record Cell(int methodIndex, MethodSpec method, Double learningRate, Integer batchSize, long seed,
            int stageCount) {

        String methodLabel() {
            return RunLabels.method(method, stageCount, learningRate, batchSize);
        }
    }

    private static List<Cell> cells(GridSpec grid, int stageCount) {
        List<Cell> cells = new ArrayList<>();
        List<Double> learningRates = orSingleNull(grid.learningRates());
        List<Integer> batchSizes = orSingleNull(grid.batchSizes());
        for (int j = 0; j < grid.methods().size(); j++) {
            for (MethodSpec method : grid.variants(grid.methods().get(j))) {
                for (Double learningRate : learningRates) {
                    for (Integer batchSize : batchSizes) {
                        for (Long seed : grid.seeds()) {
                            cells.add(new Cell(j, method, learningRate, batchSize, seed, stageCount));
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static <T> List<T> orSingleNull(List<T> values) {
        return values == null ? Collections.singletonList(null) : values;
    }

    /** Method labels that two different grid entries produce; those get {@code #<index>} to stay unique. */
    private static Set<String> ambiguousMethodLabels(List<Cell> cells) {
        Map<String, Set<Integer>> indices = new HashMap<>();
        for (Cell cell : cells) {
            indices.computeIfAbsent(cell.methodLabel(), label -> new HashSet<>()).add(cell.methodIndex());
        }
        Set<String> ambiguous = new HashSet<>();
        indices.forEach((label, owners) -> {
            if (owners.size() > 1) {
                ambiguous.add(label);
            }
        });
        return Collections.unmodifiableSet(ambiguous);
    }

    private static List<StagePlan> stages(ExperimentSpec spec, Cell cell, String stageZeroCheckpoint) {
        String stageZeroDataset = spec.stages().get(0).dataset().name();
        MethodSpec method = cell.method();
        List<StagePlan> stages = new ArrayList<>();
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec stage = spec.stages().get(i);
            DatasetSpec dataset = withCatalogueDefaults(stage.dataset());
            TrainingSpec training = stage.training().withGridValues(cell.learningRate(), cell.batchSize());
            StoppingRule stopping = AutoStopping.resolve(stageZeroDataset, training.stopping());
            Double replay = method.replay() != null && i > 0 ? method.replay().fraction() : null;
            stages.add(new StagePlan(i, dataset.label(), dataset, training.toSettings(cell.seed(), stopping)
                    .withMethod(StageMethods.of(method, i, stageZeroCheckpoint)), stage.gate(), dataset.metric(),
                    dataset.maxNewTokens(), method.mixing() == null ? null : method.mixing().forStage(i), replay));
        }
        return stages;
    }

    /** The dataset with the catalogue's choices where the spec left them open: its metric and generation cap. */
    private static DatasetSpec withCatalogueDefaults(DatasetSpec dataset) {
        String metric = dataset.metric() != null ? dataset.metric()
                : DefaultMetrics.of(dataset.name(), dataset.format());
        int maxNewTokens = dataset.maxNewTokens() != null ? dataset.maxNewTokens()
                : DefaultGenerationCaps.of(dataset.name());
        return new DatasetSpec(dataset.name(), dataset.split(), dataset.size(), dataset.path(), dataset.format(),
                dataset.filter(), metric, maxNewTokens);
    }
}
