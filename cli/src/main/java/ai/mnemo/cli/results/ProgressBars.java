package ai.mnemo.cli.results;

import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One terminal progress bar (me.tongfei:progressbar, on stderr) per stage being trained: steps done of planned, the
 * latest loss, and the ETA at the attempt's pace as results-service reported it ({@link StageEstimate}). A bar
 * appears when a trainer starts its stage and goes when the stage leaves training.
 */
public final class ProgressBars implements AutoCloseable {

    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    private final Map<String, Optional<Duration>> etas = new ConcurrentHashMap<>();

    /** Brings the bars up to date with the lineage just read. */
    public void show(ExperimentLineage experiment) {
        Set<String> training = new HashSet<>();
        for (StageEstimate stage : StageEstimate.training(experiment)) {
            training.add(stage.key());
            etas.put(stage.key(), stage.eta());
            ProgressBar bar = bars.computeIfAbsent(stage.key(), key -> new ProgressBarBuilder()
                    .setTaskName(stage.name())
                    .setInitialMax(Math.max(1, stage.plannedSteps()))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setEtaFunction(state -> etas.getOrDefault(key, Optional.empty()))
                    .build());
            bar.maxHint(Math.max(1, stage.plannedSteps()));
            bar.stepTo(stage.step());
            bar.setExtraMessage(stage.loss() == null ? "" : String.format(Locale.ROOT, "loss %.4f", stage.loss()));
        }
        bars.entrySet().removeIf(entry -> {
            if (training.contains(entry.getKey())) {
                return false;
            }
            Long steps = trainedSteps(experiment, entry.getKey());
            if (steps != null) { // trained: the bar ends full at the steps it took (memorized may stop early)
                entry.getValue().maxHint(Math.max(1, steps));
                entry.getValue().stepTo(steps);
            }
            entry.getValue().close();
            etas.remove(entry.getKey());
            return true;
        });
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }

    private static Long trainedSteps(ExperimentLineage experiment, String key) {
        for (RunLineage run : ComparisonTable.list(experiment.runs())) {
            for (StageLineage stage : ComparisonTable.list(run.stages())) {
                if ((run.id() + "/" + stage.index()).equals(key) && stage.training() != null) {
                    return stage.training().steps();
                }
            }
        }
        return null;
    }
}
