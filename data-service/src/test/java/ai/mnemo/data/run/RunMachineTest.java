package ai.mnemo.data.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The choreography of one run, input by input, without Quarkus or a broker. */
class RunMachineTest {

    static final ModelRef BASE = ModelRef.preset("tiny", 0);
    static final StallLimits LIMITS = new StallLimits(Duration.ofMinutes(30), Duration.ofHours(2), 3);
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final RunMachine twoStages = new RunMachine(new RunShape(BASE, List.of(false, false)), LIMITS);
    private final RunMachine gatedFirst = new RunMachine(new RunShape(BASE, List.of(true, false)), LIMITS);

    /** Applies inputs one after the other, a minute apart, keeping the last transition. */
    private static final class Walk {
        final RunMachine machine;
        RunState state = RunState.planned("r", 2);
        Instant now = T0;
        Transition last;

        Walk(RunMachine machine) {
            this.machine = machine;
        }

        List<RunCommand> apply(RunInput input) {
            now = now.plus(Duration.ofMinutes(1));
            return at(now, input);
        }

        List<RunCommand> at(Instant when, RunInput input) {
            last = machine.apply(state, input, when);
            state = last.state();
            return last.commands();
        }
    }

    static EvalResult result(int stage, double accuracy) {
        return new EvalResult(stage, "kvr:A", "exact-match", 10, (int) Math.round(accuracy * 10), accuracy, 0.5,
                "file:/p");
    }

    @Test
    void twoStagesTrainAndEvaluateEachOnceAndTheRunCompletesAfterTheLastEvaluation() {
        Walk walk = new Walk(twoStages);
        assertEquals(List.of(new Train(0, 1, BASE)), walk.apply(new Begin()));
        assertEquals(List.of(), walk.apply(new Started(0, 1)));
        assertEquals(List.of(new Train(1, 1, ModelRef.uri("ck0")), new Evaluate(0, 1, "ck0")),
                walk.apply(new Trained(0, 1, "ck0")), "the next stage first, then the evaluation");
        assertEquals(List.of(new Evaluate(1, 1, "ck1")), walk.apply(new Trained(1, 1, "ck1")));
        assertEquals(List.of(), walk.apply(new Evaluated(1, List.of(result(0, 0.2), result(1, 1)))),
                "stage 0's evaluation is still out");
        assertEquals(RunPhase.RUNNING, walk.state.phase());
        assertEquals(List.of(new Complete(2)), walk.apply(new Evaluated(0, List.of(result(0, 1)))));
        assertEquals(RunPhase.COMPLETED, walk.state.phase());
        assertEquals(6, walk.state.version(), "one version for each input that changed the state");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        walk.apply(new Trained(0, 1, "ck0"));
        RunState before = walk.state;
        for (RunInput again : List.of(new Begin(), new Trained(0, 1, "ck0"), new Started(0, 1),
                new Trained(0, 2, "ck0"), new Failed(0, 1, "late"))) {
            assertEquals(List.of(), walk.apply(again), again.toString());
            assertFalse(walk.last.changed(), again.toString());
        }
        assertEquals(before, walk.state);
    }

    @Test
    void theMemorizedGateHoldsTheNextStageUntilStageZeroScoresOneHundredPercent() {
        Walk open = new Walk(gatedFirst);
        open.apply(new Begin());
        assertEquals(List.of(new Evaluate(0, 1, "ck0")), open.apply(new Trained(0, 1, "ck0")));
        assertEquals(List.of(new Train(1, 1, ModelRef.uri("ck0"))),
                open.apply(new Evaluated(0, List.of(result(0, 1.0)))));

        Walk shut = new Walk(gatedFirst);
        shut.apply(new Begin());
        shut.apply(new Trained(0, 1, "ck0"));
        List<RunCommand> refused = shut.apply(new Evaluated(0, List.of(result(0, 0.5))));
        assertEquals(1, refused.size());
        assertTrue(((Fail) refused.get(0)).reason().startsWith("stage 0 reached 50% exact match"), refused.toString());
        assertEquals(RunPhase.FAILED, shut.state.phase());
    }

    @Test
    void aStalledStartedStageIsIssuedAgainUpToTheAttemptLimitThenTheRunFails() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        assertEquals(List.of(), walk.at(T0.plus(Duration.ofHours(5)), new Tick()),
                "a job not yet taken waits in its queue, however long");
        walk.at(T0.plus(Duration.ofHours(5)), new Started(0, 1));
        Instant started = T0.plus(Duration.ofHours(5));
        assertEquals(List.of(), walk.at(started.plus(Duration.ofMinutes(30)), new Tick()), "at the limit: not yet");
        assertEquals(List.of(new Train(0, 2, BASE)), walk.at(started.plus(Duration.ofMinutes(31)), new Tick()));
        assertEquals(List.of(), walk.at(started.plus(Duration.ofMinutes(32)), new Failed(0, 1, "fenced")),
                "attempt 1's failure is stale once attempt 2 is out");
        walk.at(started.plus(Duration.ofMinutes(40)), new Started(0, 2));
        assertEquals(List.of(new Train(0, 3, BASE)), walk.at(started.plus(Duration.ofMinutes(71)), new Tick()));
        walk.at(started.plus(Duration.ofMinutes(72)), new Started(0, 3));
        List<RunCommand> last = walk.at(started.plus(Duration.ofMinutes(103)), new Tick());
        assertEquals(1, last.size());
        assertTrue(((Fail) last.get(0)).reason().contains("no training progress for 30 min in each of 3 attempts"));
    }

    @Test
    void aFailureOutsideTheJobIsTriedAgainAfterABackoffThatDoublesUntilTheLastAttempt() {
        Walk walk = new Walk(twoStages);
        walk.at(T0, new Begin());
        walk.at(T0, new Started(0, 1));
        assertEquals(List.of(), walk.at(T0, new Failed(0, 1, "I/O error", true)));
        assertEquals(RunPhase.RUNNING, walk.state.phase());
        assertEquals("training of stage 0 (attempt 2, due in 30 s after a failure)", walk.state.waitingFor(T0));
        assertEquals(List.of(), walk.at(T0.plusSeconds(29), new Tick()));
        assertEquals(List.of(), walk.at(T0.plusSeconds(29), new Failed(0, 1, "I/O error again", true)), "stale");
        assertEquals(List.of(new Train(0, 2, BASE)), walk.at(T0.plusSeconds(30), new Tick()));
        walk.at(T0.plusSeconds(31), new Started(0, 2));
        walk.at(T0.plusSeconds(40), new Failed(0, 2, "I/O error", true));
        assertEquals(List.of(), walk.at(T0.plusSeconds(99), new Tick()), "60 s after the second failure");
        assertEquals(List.of(new Train(0, 3, BASE)), walk.at(T0.plusSeconds(100), new Tick()));
        List<RunCommand> last = walk.at(T0.plusSeconds(120), new Failed(0, 3, "I/O error", true));
        assertEquals(List.of(new Fail(0, "I/O error (the last of 3 attempts)")), last);
    }

    @Test
    void aFailureOfTheJobItselfEndsTheRunAtOnce() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        assertEquals(List.of(new Fail(0, "diverged")), walk.apply(new Failed(0, 1, "diverged", false)));
    }

    @Test
    void progressKeepsAStageAlive() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        walk.at(T0, new Started(0, 1));
        for (int minute = 20; minute <= 200; minute += 20) {
            walk.at(T0.plus(Duration.ofMinutes(minute)), new Progressed(0));
            assertEquals(List.of(), walk.at(T0.plus(Duration.ofMinutes(minute + 15)), new Tick()));
        }
    }

    @Test
    void anUnansweredEvaluationIsIssuedAgain() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        walk.at(T0, new Trained(0, 1, "ck0"));
        assertEquals(List.of(new Evaluate(0, 2, "ck0")), walk.at(T0.plus(Duration.ofMinutes(121)), new Tick()));
    }

    @Test
    void aStageWithoutRowsReportsItAndFailsTheRunOnce() {
        Walk walk = new Walk(twoStages);
        assertEquals(List.of(new ReportDataset(0, "stages[0].dataset.path", "missing"),
                new Fail(0, "the dataset of stage 0 could not be prepared: no such file")),
                walk.apply(new DatasetUnavailable(0, "stages[0].dataset.path", "missing", "no such file")));
        assertEquals(List.of(), walk.apply(new DatasetUnavailable(1, "x", "y", "z")));
        assertEquals(List.of(), walk.apply(new Begin()), "a failed run never begins");
    }

    @Test
    void aCancelledRunPublishesNothingMore() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        assertEquals(List.of(), walk.apply(new Cancel()));
        assertEquals(RunPhase.CANCELLED, walk.state.phase());
        assertEquals(List.of(), walk.apply(new Trained(0, 1, "ck0")));
        assertEquals(List.of(), walk.at(T0.plus(Duration.ofDays(1)), new Tick()));
    }

    @Test
    void inputsForStagesTheRunDoesNotHaveAreIgnored() {
        Walk walk = new Walk(twoStages);
        walk.apply(new Begin());
        assertEquals(List.of(), walk.apply(new Trained(2, 1, "ck2")));
        assertEquals(List.of(), walk.apply(new Failed(-1, null, "x")));
        assertEquals(RunPhase.RUNNING, walk.state.phase());
    }

    @Test
    void waitingForSaysWhatTheRunWaitsFor() {
        Walk walk = new Walk(twoStages);
        assertEquals("its known-fact probes or an idle trainer", walk.state.waitingFor(T0));
        walk.at(T0, new Begin());
        walk.at(T0, new Started(0, 1));
        walk.at(T0.plus(Duration.ofMinutes(1)), new Trained(0, 1, "ck0"));
        assertEquals("evaluation of stage 0 for 60 s; training of stage 1 (attempt 1, queued for a trainer) for 60 s",
                walk.state.waitingFor(T0.plus(Duration.ofMinutes(2))));
    }
}
