package ai.mnemo.results.analysis;

import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.LogitLensReport;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link LogitLensReport} from a lineage: pure functions, like {@link Comparison}. */
public final class LogitLenses {

    private LogitLenses() {
    }

    public static LogitLensReport of(ExperimentLineage experiment) {
        Map<String, List<RunLineage>> byMethod = new TreeMap<>();
        for (RunLineage run : experiment.runs()) {
            if (Comparison.COMPLETED.equals(run.status())) {
                byMethod.computeIfAbsent(MethodLabels.of(run), label -> new ArrayList<>()).add(run);
            }
        }
        List<LogitLensReport.MethodLens> methods = new ArrayList<>();
        byMethod.forEach((label, runs) -> methods.add(new LogitLensReport.MethodLens(label, runs.size(),
                cells(runs))));
        return new LogitLensReport(experiment.id(), Comparison.of(experiment).datasets(), methods);
    }

    /** Every (checkpoint, dataset) cell some run has a lens for, in stage then dataset order. */
    private static List<LogitLensReport.Cell> cells(List<RunLineage> runs) {
        Map<List<Integer>, List<LogitLens>> byCell = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        for (RunLineage run : runs) {
            for (StageLineage stage : run.stages()) {
                for (EvaluationView evaluation : stage.evaluations()) {
                    if (evaluation.logitLens() != null) {
                        byCell.computeIfAbsent(List.of(stage.index(), evaluation.datasetStageIndex()),
                                key -> new ArrayList<>()).add(evaluation.logitLens());
                    }
                }
            }
        }
        List<LogitLensReport.Cell> cells = new ArrayList<>();
        byCell.forEach((key, lenses) -> cells.add(cell(key.get(0), key.get(1), lenses)));
        return cells;
    }

    static LogitLensReport.Cell cell(int stage, int dataset, List<LogitLens> lenses) {
        int depths = lenses.stream().mapToInt(l -> l.meanProbability().size()).min().orElse(0);
        List<Double> probability = new ArrayList<>();
        List<Double> top1 = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        long firstDepthSum = 0;
        int firstCount = 0;
        for (int d = 0; d < depths; d++) {
            int depth = d;
            probability.add(lenses.stream().mapToDouble(l -> l.meanProbability().get(depth)).average().orElse(0));
            top1.add(lenses.stream().mapToDouble(l -> l.top1Rate().get(depth)).average().orElse(0));
            int facts = lenses.stream().mapToInt(l -> l.firstTop1().get(depth)).sum();
            first.add(facts);
            firstDepthSum += (long) facts * d;
            firstCount += facts;
        }
        int never = lenses.stream().mapToInt(LogitLens::neverTop1).sum();
        return new LogitLensReport.Cell(stage, dataset, lenses.size(), probability, top1, first, never,
                firstCount == 0 ? null : (double) firstDepthSum / firstCount);
    }
}
