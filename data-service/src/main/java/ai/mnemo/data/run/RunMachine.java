package ai.mnemo.data.run;

import ai.mnemo.data.run.RunCommand.Complete;
import ai.mnemo.data.run.RunCommand.Evaluate;
import ai.mnemo.data.run.RunCommand.Fail;
import ai.mnemo.data.run.RunCommand.ReportDataset;
import ai.mnemo.data.run.RunCommand.Train;
import ai.mnemo.data.run.RunInput.Begin;
import ai.mnemo.data.run.RunInput.Cancel;
import ai.mnemo.data.run.RunInput.DatasetUnavailable;
import ai.mnemo.data.run.RunInput.Evaluated;
import ai.mnemo.data.run.RunInput.Failed;
import ai.mnemo.data.run.RunInput.Progressed;
import ai.mnemo.data.run.RunInput.Started;
import ai.mnemo.data.run.RunInput.Tick;
import ai.mnemo.data.run.RunInput.Trained;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ModelRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole choreography of a run as one pure function: {@code (state, input, now) -> (next state, commands)}.
 * Each stage is trained once per attempt and evaluated once per issue: an input that repeats (a redelivered or
 * replayed event) finds its stage moved on and changes nothing. An ended run ignores everything.
 */
public final class RunMachine {

    /** Progress events refresh a stage's sign of life at most this often, so that they rarely cost a write. */
    static final Duration PROGRESS_GRAIN = Duration.ofSeconds(10);

    private final RunShape shape;
    private final StallLimits limits;

    public RunMachine(RunShape shape, StallLimits limits) {
        this.shape = shape;
        this.limits = limits;
    }

    public Transition apply(RunState state, RunInput input, Instant now) {
        if (state.terminal() || !inRange(input)) {
            return Transition.none(state);
        }
        Step step = new Step(state, now);
        if (input instanceof Begin) {
            begin(step);
        } else if (input instanceof Cancel) {
            step.end(RunPhase.CANCELLED, "the experiment was cancelled", null);
        } else if (input instanceof Started started) {
            started(step, started);
        } else if (input instanceof Progressed progressed) {
            progressed(step, progressed.stage());
        } else if (input instanceof Trained trained) {
            trained(step, trained);
        } else if (input instanceof Evaluated evaluated) {
            evaluated(step, evaluated);
        } else if (input instanceof DatasetUnavailable unavailable) {
            datasetUnavailable(step, unavailable);
        } else if (input instanceof Failed failed) {
            failed(step, failed);
        } else if (input instanceof Tick) {
            tick(step);
        }
        return step.result();
    }

    private boolean inRange(RunInput input) {
        Integer stage = input.stage();
        return stage == null || (stage >= 0 && stage < shape.stages());
    }

    private void begin(Step step) {
        if (step.state.phase() == RunPhase.PLANNED) {
            step.state = step.state.withPhase(RunPhase.RUNNING, null);
            step.train(0, 1, shape.model());
        }
    }

    private void started(Step step, Started input) {
        StageState stage = step.state.stage(input.stage());
        if (stage.status() == StageStatus.TRAINING && stage.attempt() == input.attempt() && !stage.started()) {
            step.stage(input.stage(), stage.alive(step.now));
        }
    }

    private void progressed(Step step, int i) {
        StageState stage = step.state.stage(i);
        if (stage.status() == StageStatus.TRAINING && (!stage.started() || stage.since() == null
                || !Duration.between(stage.since(), step.now).minus(PROGRESS_GRAIN).isNegative())) {
            step.stage(i, stage.alive(step.now));
        }
    }

    /** The first completion of a stage wins (the checkpoint fence makes it the latest holder's); repeats are no-ops. */
    private void trained(Step step, Trained input) {
        int i = input.stage();
        if (step.state.stage(i).status() != StageStatus.TRAINING) {
            return;
        }
        step.stage(i, step.state.stage(i).trained(input.checkpointUri(), step.now));
        // The next stage first: the trainer that just finished is idle now.
        if (!shape.gated(i) && !shape.last(i)) {
            step.startNext(i, input.checkpointUri());
        }
        step.commands.add(new Evaluate(i, 1, input.checkpointUri()));
    }

    private void evaluated(Step step, Evaluated input) {
        int i = input.stage();
        StageState stage = step.state.stage(i);
        if (stage.status() != StageStatus.TRAINED) {
            return;
        }
        step.stage(i, stage.evaluated());
        if (shape.gated(i)) {
            Optional<String> refusal = gateRefusal(i, input.results());
            if (refusal.isPresent()) {
                step.end(RunPhase.FAILED, refusal.get(), i);
                return;
            }
            if (!shape.last(i)) {
                step.startNext(i, stage.checkpointUri());
            }
        }
        if (step.state.stages().stream().allMatch(s -> s.status() == StageStatus.EVALUATED)) {
            step.state = step.state.withPhase(RunPhase.COMPLETED, null);
            step.commands.add(new Complete(shape.stages()));
        }
    }

    private void datasetUnavailable(Step step, DatasetUnavailable input) {
        step.commands.add(new ReportDataset(input.stage(), input.field(), input.message()));
        step.end(RunPhase.FAILED, "the dataset of stage " + input.stage() + " could not be prepared: "
                + input.description(), input.stage());
    }

    /**
     * A training failure of an attempt that is no longer the stage's (the watchdog issued another) is stale. One that
     * another attempt may get past holds the next attempt back by the backoff, while attempts remain.
     */
    private void failed(Step step, Failed input) {
        if (input.attempt() != null && input.stage() != null) {
            StageState stage = step.state.stage(input.stage());
            if (stage.status() != StageStatus.TRAINING || stage.attempt() != input.attempt()
                    || stage.retryAt() != null) {
                return;
            }
            if (input.retryable() && stage.attempt() < limits.attempts()) {
                step.stage(input.stage(), stage.retrying(step.now,
                        step.now.plus(limits.backoffBefore(stage.attempt() + 1))));
                return;
            }
            if (input.retryable()) {
                step.end(RunPhase.FAILED, input.reason() + " (the last of " + limits.attempts() + " attempts)",
                        input.stage());
                return;
            }
        }
        step.end(RunPhase.FAILED, input.reason(), input.stage());
    }

    private void tick(Step step) {
        if (step.state.phase() != RunPhase.RUNNING) {
            return;
        }
        for (int i = 0; i < shape.stages() && !step.state.terminal(); i++) {
            StageState stage = step.state.stage(i);
            if (stage.status() == StageStatus.TRAINING && stage.retryAt() != null) {
                if (!step.now.isBefore(stage.retryAt())) {
                    step.stage(i, stage.issued(step.now));
                    step.commands.add(new Train(i, stage.attempt(), stage.model()));
                }
            } else if (stage.status() == StageStatus.TRAINING && stage.started()
                    && StallLimits.exceeded(limits.training(), stage.since(), step.now)) {
                if (stage.attempt() < limits.attempts()) {
                    step.train(i, stage.attempt() + 1, stage.model());
                } else {
                    step.end(RunPhase.FAILED, "stage " + i + " showed no training progress for "
                            + StallLimits.describe(limits.training()) + " in each of " + stage.attempt()
                            + " attempts; see trainer-service's log", i);
                }
            } else if (stage.status() == StageStatus.TRAINED
                    && StallLimits.exceeded(limits.evaluation(), stage.since(), step.now)) {
                if (stage.evaluations() < limits.attempts()) {
                    step.stage(i, stage.evaluatedAgain(step.now));
                    step.commands.add(new Evaluate(i, stage.evaluations() + 1, stage.checkpointUri()));
                } else {
                    step.end(RunPhase.FAILED, "the evaluation of stage " + i + " did not answer within "
                            + StallLimits.describe(limits.evaluation()) + ", " + stage.evaluations()
                            + " times; see eval-service's log", i);
                }
            }
        }
    }

    /** Why the memorized gate stays shut, or empty when stage i scored 100% on its own facts. */
    public static Optional<String> gateRefusal(int i, List<EvalResult> results) {
        Optional<EvalResult> own = results.stream().filter(r -> r.datasetStageIndex() == i).findFirst();
        if (own.isEmpty()) {
            return Optional.of("the evaluation of stage " + i + " has no result on stage " + i
                    + "'s own facts, which the memorized gate needs; check eval-service's EvalJob handling");
        }
        if (own.get().accuracy() >= 1.0) {
            return Optional.empty();
        }
        String percent = BigDecimal.valueOf(own.get().accuracy() * 100).setScale(1, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString();
        return Optional.of("stage " + i + " reached " + percent + "% " + own.get().metric().replace('-', ' ')
                + " on its own facts; the memorized gate needs 100%: train longer (stopping.epochs) or raise the"
                + " learning rate");
    }

    /** One transition being worked out. */
    private static final class Step {
        private final RunState before;
        private final Instant now;
        private final List<RunCommand> commands = new ArrayList<>();
        private RunState state;

        Step(RunState state, Instant now) {
            this.before = state;
            this.state = state;
            this.now = now;
        }

        void stage(int i, StageState stage) {
            state = state.withStage(i, stage);
        }

        void train(int i, int attempt, ModelRef model) {
            stage(i, state.stage(i).training(attempt, model, now));
            commands.add(new Train(i, attempt, model));
        }

        void startNext(int i, String checkpointUri) {
            if (state.stage(i + 1).status() == StageStatus.PENDING) {
                train(i + 1, 1, ModelRef.uri(checkpointUri));
            }
        }

        /** Ends the run; the commands decided before in this step (a DatasetFailed report) still go out. */
        void end(RunPhase phase, String reason, Integer stage) {
            state = state.withPhase(phase, reason);
            if (phase == RunPhase.FAILED) {
                commands.removeIf(c -> c instanceof Train || c instanceof Evaluate);
                commands.add(new Fail(stage, reason));
            } else {
                commands.clear();
            }
        }

        Transition result() {
            if (state.equals(before)) {
                return Transition.none(before);
            }
            return new Transition(state.next(now), commands, true);
        }
    }
}
