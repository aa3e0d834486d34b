package ai.mnemo.eval.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The evaluator's meters. Tags stay low-cardinality: an outcome or a metric name, never a run or a dataset.
 * <ul>
 * <li>{@code mnemo.eval.jobs} (counter, tag {@code outcome}: completed, failed)</li>
 * <li>{@code mnemo.eval.job.seconds} (timer, tag {@code outcome}): wall time of a job, model load included</li>
 * <li>{@code mnemo.eval.facts.per.second} (gauge): generation and scoring throughput of the last completed job</li>
 * <li>{@code mnemo.eval.accuracy} (distribution summary, tag {@code metric}): one sample per evaluated target</li>
 * <li>{@code mnemo.eval.probes} (counter, tag {@code outcome}: completed, failed): ProbeJobs handled</li>
 * <li>{@code mnemo.eval.probe.seconds} (timer, tag {@code outcome}): wall time of a probe, model load included</li>
 * </ul>
 */
// Created at start-up, not on first use, so every series exists (at zero) before the first event.
@Startup
@ApplicationScoped
public class EvalMetrics {

    public static final String JOBS = "mnemo.eval.jobs";
    public static final String JOB_SECONDS = "mnemo.eval.job.seconds";
    public static final String FACTS_PER_SECOND = "mnemo.eval.facts.per.second";
    public static final String ACCURACY = "mnemo.eval.accuracy";
    public static final String PROBES = "mnemo.eval.probes";
    public static final String PROBE_SECONDS = "mnemo.eval.probe.seconds";

    private final MeterRegistry registry;
    private final AtomicReference<Double> factsPerSecond = new AtomicReference<>(0.0);

    public EvalMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(FACTS_PER_SECOND, factsPerSecond, AtomicReference::get)
                .description("Facts evaluated per second by the last completed job (generation and scoring)")
                .register(registry);
    }

    public void jobFinished(String outcome, Duration duration) {
        Counter.builder(JOBS).description("EvalJobs handled, by outcome").tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder(JOB_SECONDS).description("Wall time of an EvalJob, model load included")
                .tag("outcome", outcome).register(registry).record(duration);
    }

    public void probeFinished(String outcome, Duration duration) {
        Counter.builder(PROBES).description("ProbeJobs handled, by outcome").tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder(PROBE_SECONDS).description("Wall time of a ProbeJob, model load included")
                .tag("outcome", outcome).register(registry).record(duration);
    }

    public void factsPerSecond(double value) {
        factsPerSecond.set(value);
    }

    /** One evaluated target's accuracy, in [0, 1]. */
    public void accuracy(String metric, double accuracy) {
        DistributionSummary.builder(ACCURACY).description("Accuracy of each evaluated target")
                .tag("metric", metric).register(registry).record(accuracy);
    }
}
