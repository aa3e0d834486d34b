package ai.mnemo.cli.bench;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each training job of an experiment started and ended, and on which trainer, from its events: how well the
 * fleet was used. The ideal makespan packs the measured jobs perfectly onto the trainers (their summed durations
 * over the trainer count); the hand-off is the time from a stage's StageCompleted to the next stage's
 * TrainingStarted (placing the job, a trainer taking it, loading the model).
 */
public final class FleetTimeline {

    private final Map<Job, TrainingStarted> starts = new HashMap<>();
    private final Map<Job, Instant> ends = new HashMap<>();

    private record Job(String runId, int stage) {}

    /** Takes the events the benchmark sees; all but the first start and the end of each stage are ignored. */
    public void record(MnemoEvent event) {
        if (event instanceof TrainingStarted started) {
            starts.putIfAbsent(new Job(started.runId(), started.stageIndex()), started);
        } else if (event instanceof StageCompleted completed) {
            ends.putIfAbsent(new Job(completed.runId(), completed.stageIndex()), completed.occurredAt());
        }
    }

    /** What the timeline says, for {@code trainers} trainers; fails when no job both started and ended. */
    public Figures figures(int trainers) {
        Instant first = null;
        Instant last = null;
        double busy = 0;
        Map<String, Double> busyByWorker = new TreeMap<>();
        Map<String, Integer> jobsByWorker = new TreeMap<>();
        List<Double> handoffs = new ArrayList<>();
        for (Map.Entry<Job, TrainingStarted> entry : starts.entrySet()) {
            Job job = entry.getKey();
            Instant start = entry.getValue().occurredAt();
            Instant end = ends.get(job);
            if (end == null) {
                continue;
            }
            double seconds = seconds(start, end);
            busy += seconds;
            busyByWorker.merge(entry.getValue().worker(), seconds, Double::sum);
            jobsByWorker.merge(entry.getValue().worker(), 1, Integer::sum);
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
            Instant previousEnd = ends.get(new Job(job.runId(), job.stage() - 1));
            if (previousEnd != null) {
                handoffs.add(seconds(previousEnd, start));
            }
        }
        if (first == null) {
            throw new IllegalStateException("no training job both started and completed");
        }
        double makespan = seconds(first, last);
        return new Figures(jobsByWorker.values().stream().mapToInt(Integer::intValue).sum(), makespan,
                busy / trainers, percentile(handoffs, 50), percentile(handoffs, 95), busyByWorker, jobsByWorker);
    }

    /**
     * @param makespanSeconds from the first job's start to the last one's end
     * @param idealSeconds the measured jobs' summed durations over the trainer count
     * @param handoffP50Seconds median hand-off, NaN when no stage followed another
     */
    public record Figures(int jobs, double makespanSeconds, double idealSeconds, double handoffP50Seconds,
            double handoffP95Seconds, Map<String, Double> busySecondsByWorker, Map<String, Integer> jobsByWorker) {

        public double makespanRatio() {
            return makespanSeconds / idealSeconds;
        }
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
