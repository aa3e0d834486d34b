package ai.mnemo.data.plan;

import ai.mnemo.data.catalogue.AutoStopping;
import ai.mnemo.data.catalogue.DefaultMetrics;
import ai.mnemo.events.spec.DatasetSpec;
import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.MixingSpec;
import ai.mnemo.events.spec.StageSpec;
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

/**
 * Expands an experiment's grid into runs (docs/experiment-spec.md, "Runs of a grid"): methods x seeds, where a
 * method with mixing is further crossed with {@code grid.mixRatios} when given, in the order methods, then ratios,
 * then seeds. A run's id is {@code UUID.nameUUIDFromBytes(experimentId + "/" + label)}, so a replayed request plans
 * the very same runs.
 */
public final class GridExpansion {

    private GridExpansion() {
    }

    /** @param spec a valid spec, resolved ({@link ExperimentSpec#resolve()}) */
    public static List<RunPlan> expand(String experimentId, ExperimentSpec spec) {
        List<Cell> cells = cells(spec);
        Set<String> ambiguous = ambiguousMethodLabels(cells);
        List<RunPlan> runs = new ArrayList<>();
        for (Cell cell : cells) {
            String methodLabel = RunLabels.method(cell.method());
            if (ambiguous.contains(methodLabel)) {
                methodLabel += "#" + cell.methodIndex();
            }
            String label = RunLabels.run(methodLabel, cell.seed());
            runs.add(new RunPlan(experimentId, spec.name(), runId(experimentId, label), label, cell.methodIndex(),
                    cell.method(), cell.seed(), spec.model().toModelRef(), stages(spec, cell.method(), cell.seed())));
        }
        return runs;
    }

    public static String runId(String experimentId, String label) {
        return UUID.nameUUIDFromBytes((experimentId + "/" + label).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One entry per run: a method (its ratio set) and a seed. */
    private record Cell(int methodIndex, MethodSpec method, long seed) {
    }

    private static List<Cell> cells(ExperimentSpec spec) {
        List<Cell> cells = new ArrayList<>();
        List<MethodSpec> methods = spec.grid().methods();
        for (int j = 0; j < methods.size(); j++) {
            for (MethodSpec method : withRatios(methods.get(j), spec.grid().mixRatios())) {
                for (Long seed : spec.grid().seeds()) {
                    cells.add(new Cell(j, method, seed));
                }
            }
        }
        return cells;
    }

    private static List<MethodSpec> withRatios(MethodSpec method, List<Double> mixRatios) {
        MixingSpec mixing = method.mixing();
        if (mixing == null || mixRatios == null) {
            return List.of(method);
        }
        return mixRatios.stream()
                .map(ratio -> new MethodSpec(method.name(), new MixingSpec(mixing.source(), ratio, mixing.stages(),
                        mixing.wordsPerSequence(), mixing.path()), method.replay()))
                .toList();
    }

    /** Method labels that two different grid entries produce; those get {@code #<index>} to stay unique. */
    private static Set<String> ambiguousMethodLabels(List<Cell> cells) {
        Map<String, Set<Integer>> indices = new HashMap<>();
        for (Cell cell : cells) {
            indices.computeIfAbsent(RunLabels.method(cell.method()), label -> new HashSet<>()).add(cell.methodIndex());
        }
        Set<String> ambiguous = new HashSet<>();
        indices.forEach((label, owners) -> {
            if (owners.size() > 1) {
                ambiguous.add(label);
            }
        });
        return Collections.unmodifiableSet(ambiguous);
    }

    private static List<StagePlan> stages(ExperimentSpec spec, MethodSpec method, long seed) {
        String stageZeroDataset = spec.stages().get(0).dataset().name();
        List<StagePlan> stages = new ArrayList<>();
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec stage = spec.stages().get(i);
            DatasetSpec dataset = withMetric(stage.dataset());
            StoppingRule stopping = AutoStopping.resolve(stageZeroDataset, stage.training().stopping());
            MixingSpec mixing = method.mixing() != null && method.mixing().stages().contains(i) ? method.mixing() : null;
            Double replay = method.replay() != null && i > 0 ? method.replay().fraction() : null;
            stages.add(new StagePlan(i, dataset.label(), dataset, stage.training().toSettings(seed, stopping),
                    stage.gate(), dataset.metric(), dataset.maxNewTokens(), mixing, replay));
        }
        return stages;
    }

    private static DatasetSpec withMetric(DatasetSpec dataset) {
        String metric = dataset.metric() != null ? dataset.metric()
                : DefaultMetrics.of(dataset.name(), dataset.format());
        return new DatasetSpec(dataset.name(), dataset.split(), dataset.size(), dataset.path(), dataset.format(),
                dataset.filter(), metric, dataset.maxNewTokens());
    }
}
