package ai.mnemo.cli.kafka;

import ai.mnemo.cli.results.ExperimentSummary;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Follows one experiment's events: prints what happens as it happens (training progress at most every few
 * seconds per run) and keeps what the summary needs. Done when the request was rejected, the experiment was
 * cancelled, or every planned run has completed or failed.
 */
public final class ExperimentProgress implements Predicate<MnemoEvent> {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final Map<String, RunView> runs = new LinkedHashMap<>();
    private List<String> plannedRuns;
    private String rejection;
    private boolean cancelled;

    public ExperimentProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean test(MnemoEvent event) {
        if (event instanceof ExperimentRejected rejected) {
            rejection = rejected.reason() + (rejected.field() == null ? "" : " (field " + rejected.field() + ")");
            out.println("rejected: " + rejection);
        } else if (event instanceof ExperimentCancelled cancel) {
            cancelled = true;
            runs.values().stream().filter(r -> r.status.equals("running")).forEach(r -> r.status = "cancelled");
            out.println("cancelled" + (cancel.cancelledBy() == null ? "" : " by " + cancel.cancelledBy()));
        } else if (event instanceof ExperimentPlanned planned) {
            plannedRuns = planned.runIds();
            out.printf("planned %d runs for '%s'%n", planned.runIds().size(), planned.name());
        } else if (event instanceof RunPlanned planned) {
            run(planned.runId()).plan(planned);
            out.printf("  run %-34s %s%n", planned.label(), String.join(" -> ", planned.stages()));
        } else if (event instanceof TrainingStarted started) {
            RunView run = run(started.runId());
            out.printf("[%s] stage %d (%s) training on %s%n", run.label, started.stageIndex(),
                    run.dataset(started.stageIndex()), started.worker());
        } else if (event instanceof TrainingProgress progress) {
            showProgress(run(progress.runId()), progress);
        } else if (event instanceof StageCompleted completed) {
            RunView run = run(completed.runId());
            run.steps.put(completed.stageIndex(), completed.steps());
            out.printf("[%s] stage %d trained: %d steps, %d epochs, loss %.4f, %s, %.0f tokens/s%n", run.label,
                    completed.stageIndex(), completed.steps(), completed.epochs(), completed.finalLoss(),
                    completed.stopReason(), completed.tokensPerSecond());
        } else if (event instanceof EvalCompleted evaluated) {
            RunView run = run(evaluated.runId());
            Map<String, Double> accuracy = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder();
            for (EvalResult result : evaluated.results()) {
                accuracy.put(result.dataset(), result.accuracy());
                line.append(String.format(" %s %.1f%%", result.dataset(), 100 * result.accuracy()));
            }
            run.accuracy.put(evaluated.stageIndex(), accuracy);
            out.printf("[%s] evaluated after stage %d:%s%n", run.label, evaluated.stageIndex(), line);
        } else if (event instanceof TrainingFailed failed) {
            out.printf("[%s] training failed: %s%n", run(failed.runId()).label, failed.reason());
        } else if (event instanceof EvalFailed failed && failed.runId() != null) {
            out.printf("[%s] evaluation failed: %s%n", run(failed.runId()).label, failed.reason());
        } else if (event instanceof RunCompleted completed) {
            RunView run = run(completed.runId());
            run.status = "completed";
            out.printf("[%s] run completed%n", run.label);
        } else if (event instanceof RunFailed failed) {
            RunView run = run(failed.runId());
            run.status = "failed";
            run.failure = failed.reason();
            out.printf("[%s] run failed: %s%n", run.label, failed.reason());
        }
        return finished();
    }

    public boolean finished() {
        if (rejection != null || cancelled) {
            return true;
        }
        return plannedRuns != null && plannedRuns.stream().allMatch(id -> runs.containsKey(id)
                && !runs.get(id).status.equals("running"));
    }

    /** Why the experiment was rejected, or null. */
    public String rejection() {
        return rejection;
    }

    public ExperimentSummary summary(String experimentId) {
        List<ExperimentSummary.Run> result = new ArrayList<>();
        for (RunView run : runs.values()) {
            result.add(run.summary());
        }
        return new ExperimentSummary(experimentId, result);
    }

    private void showProgress(RunView run, TrainingProgress progress) {
        long now = System.nanoTime();
        if (now - run.lastProgressShown < PROGRESS_EVERY_NANOS) {
            return;
        }
        run.lastProgressShown = now;
        out.printf("[%s] stage %d epoch %d step %d loss %.4f%s%n", run.label, progress.stageIndex(),
                progress.epoch(), progress.step(), progress.loss(),
                progress.exactMatch() == null ? "" : String.format(" exact match %.1f%%", 100 * progress.exactMatch()));
    }

    private RunView run(String runId) {
        return runs.computeIfAbsent(runId, RunView::new);
    }

    /** What is known of one run so far. */
    private static final class RunView {
        final String runId;
        String label;
        String method;
        Double mixRatio;
        long seed;
        List<String> stages = List.of();
        String status = "running";
        String failure;
        long lastProgressShown;
        final Map<Integer, Long> steps = new TreeMap<>();
        final Map<Integer, Map<String, Double>> accuracy = new TreeMap<>();

        RunView(String runId) {
            this.runId = runId;
            this.label = runId.substring(0, Math.min(8, runId.length()));
        }

        void plan(RunPlanned planned) {
            label = planned.label();
            method = planned.method();
            mixRatio = planned.mixRatio();
            seed = planned.seed();
            stages = planned.stages();
        }

        String dataset(int stage) {
            return stage < stages.size() ? stages.get(stage) : "stage " + stage;
        }

        ExperimentSummary.Run summary() {
            List<ExperimentSummary.Stage> stageSummaries = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                stageSummaries.add(new ExperimentSummary.Stage(stages.get(i), steps.get(i),
                        accuracy.getOrDefault(i, Map.of())));
            }
            Double retention = null;
            if (!stages.isEmpty() && accuracy.containsKey(stages.size() - 1)) {
                retention = accuracy.get(stages.size() - 1).get(stages.get(0));
            }
            return new ExperimentSummary.Run(runId, method, mixRatio, label, seed, status, failure, stageSummaries,
                    retention);
        }
    }
}
