package ai.mnemo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingStarted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet benchmark's arithmetic on a timeline worked out by hand. */
class FleetTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void makespanIdealAndHandoffsFromTheEvents() {
        FleetTimeline timeline = new FleetTimeline();
        // Trainer a: run r1 stage 0 (0-10 s), then r1 stage 1 (10.5-20.5 s). Trainer b: r2 stage 0 (0-10 s), then
        // r2 stage 1 (13-23 s). Summed 40 s over 2 trainers: ideal 20 s; makespan 23 s.
        timeline.record(started("r1", 0, "a", 0));
        timeline.record(started("r2", 0, "b", 0));
        timeline.record(completed("r1", 0, 10));
        timeline.record(completed("r2", 0, 10));
        timeline.record(started("r1", 1, "a", 10.5));
        timeline.record(started("r2", 1, "b", 13));
        timeline.record(started("r2", 1, "a", 14)); // a redelivery: the first start counts
        timeline.record(completed("r1", 1, 20.5));
        timeline.record(completed("r2", 1, 23));

        FleetTimeline.Figures figures = timeline.figures(2);

        assertEquals(4, figures.jobs());
        assertEquals(23.0, figures.makespanSeconds(), 1e-9);
        assertEquals(20.0, figures.idealSeconds(), 1e-9);
        assertEquals(1.15, figures.makespanRatio(), 1e-9);
        assertEquals(0.5, figures.handoffP50Seconds(), 1e-9);
        assertEquals(3.0, figures.handoffP95Seconds(), 1e-9);
        assertEquals(Map.of("a", 2, "b", 2), figures.jobsByWorker());
        assertEquals(20.0, figures.busySecondsByWorker().get("b"), 1e-9);
    }

    @Test
    void aJobThatNeverEndedIsLeftOutAndNoJobAtAllIsAnError() {
        FleetTimeline timeline = new FleetTimeline();
        assertThrows(IllegalStateException.class, () -> timeline.figures(2));
        timeline.record(started("r1", 0, "a", 0));
        timeline.record(completed("r1", 0, 4));
        timeline.record(started("r1", 1, "a", 5));
        FleetTimeline.Figures figures = timeline.figures(1);
        assertEquals(1, figures.jobs());
        assertTrue(Double.isNaN(figures.handoffP50Seconds()), "no stage both followed another and ended");
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, FleetTimeline.percentile(values, 50));
        assertEquals(5.0, FleetTimeline.percentile(values, 95));
        assertEquals(1.0, FleetTimeline.percentile(values, 1));
        assertTrue(Double.isNaN(FleetTimeline.percentile(List.of(), 50)));
    }

    private static TrainingStarted started(String run, int stage, String worker, double at) {
        return new TrainingStarted("e", at(at), "x", run, stage, 1, worker, 10, 0);
    }

    private static StageCompleted completed(String run, int stage, double at) {
        return new StageCompleted("e", at(at), "x", run, stage, 1, "file:/c", 10, 1, 0.1, "fixed-epochs", 1, 1, null);
    }

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }
}
