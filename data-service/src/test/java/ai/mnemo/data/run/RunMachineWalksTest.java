package ai.mnemo.data.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.run.RunCommand.Complete;
import ai.mnemo.data.run.RunCommand.Evaluate;
import ai.mnemo.data.run.RunCommand.Fail;
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
import ai.mnemo.events.v1.ModelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random walks through the state machine with the inputs a real fleet can send at each point: the jobs' outcomes
 * for every attempt issued so far (late ones included), redeliveries of anything sent before, watchdog ticks with the
 * clock moving on by up to an hour, cancellation and unusable rows. After every step the rules hold: an ended run
 * publishes nothing, each (stage, attempt) is trained at most once and each (stage, issue) evaluated at most once,
 * stages start in order and only from a completed predecessor, a superseded attempt's failure is ignored, the run
 * ends at most once, versions count changes,
 * and replaying the whole history afterwards publishes nothing.
 */
class RunMachineWalksTest {

    private static final StallLimits LIMITS = new StallLimits(Duration.ofMinutes(30), Duration.ofMinutes(90), 3);
    private static final ModelRef BASE = ModelRef.preset("tiny", 0);
    private static final List<List<Boolean>> SHAPES = List.of(List.of(false), List.of(true), List.of(false, false),
            List.of(true, false), List.of(false, true, false), List.of(true, true, true));

    @Test
    void everyRuleHoldsOnTwentyThousandWalks() {
        Random random = new Random(20261202);
        int completed = 0;
        int failed = 0;
        int reissued = 0;
        for (int walk = 0; walk < 20_000; walk++) {
            List<Boolean> gated = SHAPES.get(walk % SHAPES.size());
            Outcome outcome = walk(new RunShape(BASE, gated), random);
            completed += outcome.phase == RunPhase.COMPLETED ? 1 : 0;
            failed += outcome.phase == RunPhase.FAILED ? 1 : 0;
            reissued += outcome.reissues;
        }
        // The walks must reach every ending and the watchdog, or the rules above were checked on too little.
        assertTrue(completed > 1000, "completed walks: " + completed);
        assertTrue(failed > 1000, "failed walks: " + failed);
        assertTrue(reissued > 1000, "re-issued jobs: " + reissued);
    }

    private record Outcome(RunPhase phase, int reissues) {}

    private static Outcome walk(RunShape shape, Random random) {
        RunMachine machine = new RunMachine(shape, LIMITS);
        RunState state = RunState.planned("r", shape.stages());
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        List<RunInput> history = new ArrayList<>();
        Set<String> trained = new HashSet<>();
        Set<String> evaluated = new HashSet<>();
        Set<Integer> completedStages = new HashSet<>();
        Set<Integer> passedGates = new HashSet<>();
        int[] issuedAttempts = new int[shape.stages()];
        int endings = 0;
        int reissues = 0;
        for (int step = 0; step < 40; step++) {
            now = now.plus(Duration.ofSeconds(random.nextInt(3600)));
            RunInput input = next(shape, state, issuedAttempts, history, random);
            Transition t = machine.apply(state, input, now);
            assertEquals(t.changed() ? state.version() + 1 : state.version(), t.state().version());
            assertEquals(t.changed(), !t.state().equals(state) || t.state().version() != state.version());
            if (input instanceof Failed f && f.attempt() != null && f.attempt() < issuedAttempts[f.stage()]) {
                assertFalse(t.changed(), "a late failure of attempt " + f.attempt() + " ended the run");
            }
            if (state.terminal()) {
                assertEquals(List.of(), t.commands(), "an ended run published " + t.commands());
                assertFalse(t.changed());
            }
            if (input instanceof Trained done && t.changed()) {
                completedStages.add(done.stage());
            }
            if (input instanceof Evaluated e && t.changed() && e.results().get(0).accuracy() >= 1.0) {
                passedGates.add(e.stage());
            }
            for (RunCommand c : t.commands()) {
                if (c instanceof Train train) {
                    assertTrue(trained.add(train.stage() + "/" + train.attempt()), "trained twice: " + train);
                    assertEquals(issuedAttempts[train.stage()] + 1, train.attempt(), "attempts go up by one");
                    issuedAttempts[train.stage()] = train.attempt();
                    assertTrue(train.attempt() <= LIMITS.attempts());
                    reissues += train.attempt() > 1 ? 1 : 0;
                    if (train.attempt() > 1) {
                        assertTrue(input instanceof Tick, "a later attempt is issued by the watchdog: " + input);
                    }
                    if (train.stage() > 0) {
                        int before = train.stage() - 1;
                        assertTrue(completedStages.contains(before), "stage " + train.stage() + " before " + before
                                + " completed");
                        assertTrue(!shape.gated(before) || passedGates.contains(before), "gate skipped: " + train);
                        assertEquals(ModelRef.uri("ck" + before), train.model());
                    } else {
                        assertEquals(BASE, train.model());
                    }
                } else if (c instanceof Evaluate evaluate) {
                    assertTrue(evaluated.add(evaluate.stage() + "/" + evaluate.evaluation()), "evaluated twice");
                    assertTrue(completedStages.contains(evaluate.stage()));
                } else if (c instanceof Complete || c instanceof Fail) {
                    endings++;
                }
            }
            assertTrue(endings <= 1, "ended twice");
            if (t.state().phase() == RunPhase.COMPLETED) {
                assertEquals(shape.stages(), completedStages.size());
            }
            history.add(input);
            state = t.state();
        }
        // Replaying every event (not the clock) on the final state publishes nothing.
        for (RunInput old : history) {
            if (!(old instanceof Tick) && !(old instanceof Cancel) && !(old instanceof Begin && state.phase()
                    == RunPhase.PLANNED)) {
                Transition replay = machine.apply(state, old, now);
                assertEquals(List.of(), replay.commands(), "replaying " + old + " on " + state);
                state = replay.state();
            }
        }
        return new Outcome(state.phase(), reissues);
    }

    /** An input a real fleet could send now. */
    private static RunInput next(RunShape shape, RunState state, int[] issued, List<RunInput> history, Random random) {
        int roll = random.nextInt(100);
        if (roll < 10 && !history.isEmpty()) {
            return history.get(random.nextInt(history.size())); // a redelivery
        }
        if (roll < 14) {
            return new Tick();
        }
        if (roll < 15) {
            return new Cancel();
        }
        if (roll < 16) {
            return new DatasetUnavailable(random.nextInt(shape.stages()), "f", "m", "d");
        }
        if (state.phase() == RunPhase.PLANNED) {
            return new Begin();
        }
        int i = random.nextInt(shape.stages());
        StageState stage = state.stage(i);
        if (issued[i] == 0) {
            return new Tick();
        }
        int attempt = 1 + random.nextInt(issued[i]); // the current attempt, or a late one
        return switch (stage.status()) {
            case TRAINING -> switch (random.nextInt(5)) {
                case 0 -> new Started(i, attempt);
                case 1 -> new Progressed(i);
                case 2 -> new Failed(i, attempt, "diverged", random.nextInt(3) > 0);
                default -> random.nextBoolean() ? new Trained(i, attempt, "ck" + i) : new Tick();
            };
            case TRAINED -> switch (random.nextInt(6)) {
                case 0 -> new Failed(i, null, "evaluator broke");
                case 1 -> new Tick();
                default -> new Evaluated(i, List.of(RunMachineTest.result(i, random.nextInt(4) == 0 ? 0.5 : 1.0)));
            };
            default -> new Trained(i, attempt, "ck" + i);
        };
    }
}
