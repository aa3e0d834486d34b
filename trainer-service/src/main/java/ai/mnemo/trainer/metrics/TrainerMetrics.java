package ai.mnemo.trainer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one trainer instance reports to Prometheus. Tags stay low-cardinality (only {@code outcome}); which run a
 * number belongs to is in the events and the logs, not here.
 */
// Created at start-up, not on first use, so every series exists (at zero) before the first event.
@Startup
@ApplicationScoped
public class TrainerMetrics {

    public static final String TOKENS_PER_SECOND = "mnemo.training.tokens.per.second";
    public static final String JOB_TOKENS_PER_SECOND = "mnemo.training.job.tokens.per.second";
    public static final String LOSS = "mnemo.training.loss";
    public static final String STEP_SECONDS = "mnemo.training.step.seconds";
    public static final String STAGES = "mnemo.training.stages";
    public static final String STAGE_SECONDS = "mnemo.training.stage.seconds";
    public static final String BUSY = "mnemo.training.busy";

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** Its experiment was cancelled: stopped, or skipped before it started. */
    public static final String CANCELLED = "cancelled";

    private final MeterRegistry registry;
    private final Timer stepTimer;
    private final Timer stageTimer;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile double tokensPerSecond;
    private volatile double jobTokensPerSecond;
    private volatile double loss = Double.NaN;

    public TrainerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(TOKENS_PER_SECOND, this, m -> m.tokensPerSecond)
                .description("Training throughput of the latest step, tokens per second").register(registry);
        Gauge.builder(JOB_TOKENS_PER_SECOND, this, m -> m.jobTokensPerSecond)
                .description("Tokens trained over the job's wall time so far, its checks, events and checkpoints "
                        + "included").register(registry);
        Gauge.builder(LOSS, this, m -> m.loss).description("Loss of the latest training step").register(registry);
        Gauge.builder(BUSY, busy, AtomicInteger::get).description("1 while this instance trains a job")
                .register(registry);
        stepTimer = Timer.builder(STEP_SECONDS).description("Wall time of one optimizer step").register(registry);
        stageTimer = Timer.builder(STAGE_SECONDS).description("Wall time of one job, from taking it to its outcome")
                .register(registry);
        for (String outcome : new String[] {COMPLETED, FAILED}) {
            stages(outcome); // present at 0 before the first job
        }
    }

    public void step(double seconds, double stepLoss, double stepTokensPerSecond) {
        stepTimer.record(Duration.ofNanos((long) (seconds * 1e9)));
        loss = stepLoss;
        tokensPerSecond = stepTokensPerSecond;
    }

    /** The job's own throughput: every token it trained over the wall time since its loop began. */
    public void jobThroughput(double value) {
        jobTokensPerSecond = value;
    }

    public void busy(boolean value) {
        busy.set(value ? 1 : 0);
    }

    /** One job ended with an outcome event ({@link #COMPLETED} or {@link #FAILED}). */
    public void stageEnded(String outcome, double seconds) {
        stages(outcome).increment();
        stageTimer.record(Duration.ofNanos((long) (seconds * 1e9)));
    }

    private Counter stages(String outcome) {
        return Counter.builder(STAGES).description("Jobs that ended, by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
