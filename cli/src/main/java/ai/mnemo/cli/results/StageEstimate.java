package ai.mnemo.cli.results;

import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import ai.mnemo.results.api.StageProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far one training stage is, for its progress bar: steps done of the planned at most, the latest loss, and the
 * time left at the pace of the current attempt so far (from its TrainingStarted to its latest report, so a resumed
 * attempt counts only the steps it did itself). The ETA is an upper bound when the stopping rule may end the stage
 * early (memorized).
 *
 * @param key the run and stage, unique within an experiment
 * @param name the run's label and the stage, for people
 * @param eta empty until two reports of the attempt give a pace
 */
public record StageEstimate(String key, String name, long step, long plannedSteps, Double loss,
        Optional<Duration> eta) {

    /** Every stage of the experiment a trainer is training now. */
    public static List<StageEstimate> training(ExperimentLineage experiment) {
        List<StageEstimate> estimates = new ArrayList<>();
        for (RunLineage run : ComparisonTable.list(experiment.runs())) {
            for (StageLineage stage : ComparisonTable.list(run.stages())) {
                if ("training".equals(stage.status()) && stage.progress() != null) {
                    estimates.add(of(run, stage));
                }
            }
        }
        return estimates;
    }

    static StageEstimate of(RunLineage run, StageLineage stage) {
        StageProgress progress = stage.progress();
        String label = run.label() != null ? run.label() : run.id();
        return new StageEstimate(run.id() + "/" + stage.index(), label + " stage " + stage.index(),
                Math.min(progress.step(), progress.plannedSteps()), progress.plannedSteps(), progress.loss(),
                eta(progress));
    }

    /** The time left at the attempt's pace so far; empty without a pace yet. */
    public static Optional<Duration> eta(StageProgress progress) {
        if (progress.reportedAt() == null || progress.attemptStartedAt() == null) {
            return Optional.empty();
        }
        long done = progress.step() - progress.resumedFromStep();
        long millis = Duration.between(progress.attemptStartedAt(), progress.reportedAt()).toMillis();
        if (done <= 0 || millis <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, progress.plannedSteps() - progress.step());
        return Optional.of(Duration.ofMillis(Math.round((double) left * millis / done)));
    }

    /** 0..1 of the planned steps. */
    public double fraction() {
        return plannedSteps <= 0 ? 0 : Math.min(1.0, (double) step / plannedSteps);
    }
}
