package ai.mnemo.results.analysis;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.Cost;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.MethodCost;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.RunRetention;
import ai.mnemo.results.api.Spread;
import ai.mnemo.results.api.VersusNaive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the methods of an experiment over seeds (PAPER.md, "The setting"): retention of D_A after the last
 * stage, forgetting (stage-1 accuracy on D_A minus retention), accuracy on the last stage's dataset, and the steps
 * each stage took. Only completed runs count; a failed run would bias the mean (it stopped before the stage that
 * forgets), so it is listed instead. Pure functions over the lineage records.
 */
public final class Comparison {

    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String NAIVE = "naive";

    private Comparison() {
    }

    public static ComparisonReport of(ExperimentLineage experiment) {
        Map<String, List<RunLineage>> byMethod = new TreeMap<>();
        for (RunLineage run : experiment.runs()) {
            byMethod.computeIfAbsent(MethodLabels.of(run), label -> new ArrayList<>()).add(run);
        }
        List<MethodComparison> methods = byMethod.entrySet().stream()
                .map(group -> method(group.getKey(), group.getValue()))
                .toList();
        return new ComparisonReport(experiment.id(), experiment.name(), experiment.status(), datasets(experiment),
                methods, versusNaive(methods), experiment.cost());
    }

    /** Every other method against the one naive method, if the experiment has exactly one. */
    static List<VersusNaive> versusNaive(List<MethodComparison> methods) {
        List<MethodComparison> naive = methods.stream().filter(m -> NAIVE.equals(m.method())).toList();
        if (naive.size() != 1) {
            return List.of();
        }
        return methods.stream().filter(m -> m != naive.get(0)).map(m -> WelchDifference.versusNaive(m, naive.get(0))).toList();
    }

    static MethodComparison method(String label, List<RunLineage> runs) {
        List<RunLineage> sorted = runs.stream()
                .sorted(Comparator.comparing(RunLineage::seed, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RunLineage::id))
                .toList();
        List<MethodComparison.RunScore> scores = sorted.stream()
                .filter(run -> COMPLETED.equals(run.status()))
                .map(Comparison::score)
                .toList();
        List<MethodComparison.FailedRun> failed = sorted.stream()
                .filter(run -> FAILED.equals(run.status()))
                .map(run -> new MethodComparison.FailedRun(run.id(), run.label(), run.seed(),
                        run.failure() == null ? null : run.failure().reason(),
                        run.failure() == null ? null : run.failure().stageIndex()))
                .toList();
        int stages = scores.stream().mapToInt(score -> score.steps().size()).max().orElse(0);
        List<Spread> steps = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            int stage = i;
            steps.add(Spread.of(scores.stream()
                    .map(score -> stage < score.steps().size() ? score.steps().get(stage) : null)
                    .toList()));
        }
        RunLineage first = sorted.get(0);
        return new MethodComparison(label, first.method(), first.mixRatio(), scores.size(),
                scores.stream().map(MethodComparison.RunScore::seed).toList(),
                Spread.of(scores.stream().map(MethodComparison.RunScore::retention).toList()),
                Spread.of(scores.stream().map(MethodComparison.RunScore::retentionLogProb).toList()),
                Spread.of(scores.stream().map(MethodComparison.RunScore::retentionTokenAccuracy).toList()),
                Spread.of(scores.stream().map(MethodComparison.RunScore::forgetting).toList()),
                Spread.of(scores.stream().map(MethodComparison.RunScore::lastStageAccuracy).toList()),
                steps, failed.size(), failed, sorted.size() - scores.size() - failed.size(), scores, cost(sorted));
    }

    /** The sum over every run; per seed, only completed runs (a failed one stopped early and would look cheap). */
    static MethodCost cost(List<RunLineage> runs) {
        List<Cost> completed = runs.stream().filter(run -> COMPLETED.equals(run.status())).map(RunLineage::cost)
                .toList();
        return new MethodCost(Cost.sum(runs.stream().map(RunLineage::cost).toList()),
                Spread.of(completed.stream().map(Cost::gpuSeconds).toList()),
                Spread.of(completed.stream().map(Cost::cpuSeconds).toList()));
    }

    /** One completed run's numbers, read off its retention matrix (row = checkpoint, column = dataset). */
    static MethodComparison.RunScore score(RunLineage run) {
        RunRetention retention = Retention.of(run);
        List<List<Double>> accuracy = retention.accuracy();
        int last = accuracy.size() - 1;
        Double kept = last < 0 ? null : accuracy.get(last).get(0);
        Double learned = last < 0 ? null : accuracy.get(0).get(0);
        Double forgetting = last > 0 && kept != null && learned != null ? learned - kept : null;
        Double lastStage = last > 0 ? accuracy.get(last).get(last) : null;
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            steps.add(steps(run, i));
        }
        Double keptLogProb = last < 0 ? null : retention.logProb().get(last).get(0);
        Double keptTokens = last < 0 ? null : retention.tokenAccuracy().get(last).get(0);
        return new MethodComparison.RunScore(run.id(), run.label(), run.seed(), kept, keptLogProb, keptTokens,
                forgetting, lastStage, steps);
    }

    private static Long steps(RunLineage run, int stageIndex) {
        return run.stages().stream()
                .filter(stage -> stage.index() == stageIndex && stage.training() != null)
                .map(stage -> stage.training().steps())
                .findFirst()
                .orElse(null);
    }

    /** The stage datasets of the first run that knows them all (every run of a grid trains the same stages). */
    private static List<String> datasets(ExperimentLineage experiment) {
        return experiment.runs().stream()
                .map(Retention::of)
                .map(RunRetention::datasets)
                .filter(datasets -> !datasets.isEmpty() && !datasets.contains(null))
                .findFirst()
                .orElse(List.of());
    }
}
