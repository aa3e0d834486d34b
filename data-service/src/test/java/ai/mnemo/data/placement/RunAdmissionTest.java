package ai.mnemo.data.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admission when-idle: who waits, when a waiting run gets a trainer, and what a restart keeps. */
class RunAdmissionTest {

    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final AtomicLong now = new AtomicLong();

    private RunAdmission admission(Admission mode, Path dir) {
        return new RunAdmission(mode, idle::get, dir.resolve("admission"), Duration.ofSeconds(1), now::get);
    }

    @Test
    void eagerAdmitsEverythingAndMarksNothing(@TempDir Path dir) {
        idle.set(false);
        RunAdmission eager = admission(Admission.EAGER, dir);
        assertTrue(eager.admitNow("r1", "x"));
        assertEquals(0, eager.waiting());
        assertFalse(Files.exists(dir.resolve("admission")));
    }

    @Test
    void runsWaitWhileEveryTrainerIsBusyAndStartInArrivalOrder(@TempDir Path dir) {
        RunAdmission admission = admission(Admission.WHEN_IDLE, dir);
        assertTrue(admission.admitNow("r1", "x"), "a trainer is idle");
        idle.set(false);
        assertFalse(admission.admitNow("r2", "x"));
        assertFalse(admission.admitNow("r3", "x"));
        assertFalse(admission.admitNow("r2", "x"), "a redelivered start waits once");
        assertEquals(2, admission.waiting());
        idle.set(true);
        assertFalse(admission.admitNow("r4", "x"), "behind the waiting ones, even with a trainer idle");

        assertEquals(Optional.empty(), admission.next(), "idle, but not yet for the grace period");
        now.addAndGet(Duration.ofMillis(600).toNanos());
        assertEquals(Optional.empty(), admission.next());
        now.addAndGet(Duration.ofMillis(600).toNanos());
        assertEquals(Optional.of("r2"), admission.next());
        assertEquals(Optional.empty(), admission.next(), "the grace period starts again for the next one");
        assertEquals(Optional.of("r2"), peekAfterGrace(admission), "not started yet: handed out again");
        admission.started("r2");
        assertEquals(Optional.of("r3"), peekAfterGrace(admission));
    }

    @Test
    void aBusyReadingResetsTheGracePeriod(@TempDir Path dir) {
        idle.set(false);
        RunAdmission admission = admission(Admission.WHEN_IDLE, dir);
        admission.admitNow("r1", "x");
        idle.set(true);
        assertEquals(Optional.empty(), admission.next());
        now.addAndGet(Duration.ofMillis(900).toNanos());
        idle.set(false); // the next stage of a finished run took the trainer
        assertEquals(Optional.empty(), admission.next());
        idle.set(true);
        now.addAndGet(Duration.ofMillis(900).toNanos());
        assertEquals(Optional.empty(), admission.next(), "idle again for 0 s, not 1.8 s");
    }

    @Test
    void waitingRunsSurviveARestartInOrderAndStartedOnesDoNot(@TempDir Path dir) {
        idle.set(false);
        RunAdmission before = admission(Admission.WHEN_IDLE, dir);
        for (String run : new String[] {"b-run", "a-run", "c-run"}) {
            before.admitNow(run, "x");
        }
        before.started("a-run");

        RunAdmission after = admission(Admission.WHEN_IDLE, dir);
        after.recover();
        assertEquals(2, after.waiting());
        idle.set(true);
        assertEquals(Optional.of("b-run"), peekAfterGrace(after));
        after.started("b-run");
        assertEquals(Optional.of("c-run"), peekAfterGrace(after));
    }

    private Optional<String> peekAfterGrace(RunAdmission admission) {
        admission.next();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        return admission.next();
    }

    @Test
    void aCancelledExperimentsRunsStopWaitingAndStayGoneAfterARestart(@TempDir Path dir) {
        idle.set(false);
        RunAdmission admission = admission(Admission.WHEN_IDLE, dir);
        admission.admitNow("r1", "kept");
        admission.admitNow("r2", "cancelled");
        admission.admitNow("r3", "cancelled");
        admission.drop("cancelled");
        assertEquals(1, admission.waiting());

        RunAdmission after = admission(Admission.WHEN_IDLE, dir);
        after.recover();
        assertEquals(1, after.waiting());
        idle.set(true);
        assertEquals(Optional.of("r1"), peekAfterGrace(after));
    }
}
