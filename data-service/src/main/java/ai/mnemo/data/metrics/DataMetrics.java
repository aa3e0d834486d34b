package ai.mnemo.data.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What data-service counts: experiments by outcome ({@code accepted}, {@code rejected}), runs by outcome
 * ({@code planned}, {@code completed}, {@code failed}), known-fact probes by outcome ({@code requested},
 * {@code completed}, {@code failed}), where jobs were placed ({@code least-loaded}, {@code by-key}) and the time
 * spent preparing stage datasets. The counters are registered up front so dashboards see zeros, not gaps.
 */
// Created at start-up, not on first use, so every series exists (at zero) before the first event.
@Startup
@ApplicationScoped
public class DataMetrics {

    public static final String EXPERIMENTS = "mnemo.data.experiments";
    public static final String RUNS = "mnemo.data.runs";
    public static final String PREPARE = "mnemo.data.prepare.seconds";
    public static final String PROBES = "mnemo.data.probes";
    public static final String PLACEMENTS = "mnemo.data.job.placements";
    public static final String REISSUES = "mnemo.data.watchdog.reissues";

    private final Counter experimentsAccepted;
    private final Counter experimentsRejected;
    private final Counter runsPlanned;
    private final Counter runsCompleted;
    private final Counter runsFailed;
    private final Timer prepare;
    private final Map<String, Counter> probes = new HashMap<>();
    private final Map<String, Counter> placements = new HashMap<>();
    private final Map<String, Counter> reissues = new HashMap<>();

    public DataMetrics(MeterRegistry registry) {
        experimentsAccepted = counter(registry, EXPERIMENTS, "accepted", "Experiment requests planned");
        experimentsRejected = counter(registry, EXPERIMENTS, "rejected", "Experiment requests rejected");
        runsPlanned = counter(registry, RUNS, "planned", "Runs planned");
        runsCompleted = counter(registry, RUNS, "completed", "Runs whose every stage trained and evaluated");
        runsFailed = counter(registry, RUNS, "failed", "Runs stopped by a failure or a failed gate");
        for (String outcome : List.of("requested", "completed", "failed")) {
            probes.put(outcome, counter(registry, PROBES, outcome, "Known-fact probes by outcome"));
        }
        for (String outcome : List.of("least-loaded", "by-key")) {
            placements.put(outcome, counter(registry, PLACEMENTS, outcome,
                    "Jobs published to the least-loaded worker's partition, or by key when the group was unreadable"));
        }
        for (String kind : List.of("training", "evaluation")) {
            reissues.put(kind, Counter.builder(REISSUES).tag("kind", kind)
                    .description("Jobs the watchdog issued again because their stage showed no progress")
                    .register(registry));
        }
        prepare = Timer.builder(PREPARE)
                .description("Time to prepare one stage's dataset")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String outcome, String description) {
        return Counter.builder(name).tag("outcome", outcome).description(description).register(registry);
    }

    public void experimentAccepted() {
        experimentsAccepted.increment();
    }

    public void experimentRejected() {
        experimentsRejected.increment();
    }

    public void runPlanned() {
        runsPlanned.increment();
    }

    public void runCompleted() {
        runsCompleted.increment();
    }

    public void runFailed() {
        runsFailed.increment();
    }

    /** A known-fact probe was {@code requested}, {@code completed} or {@code failed}. */
    public void probe(String outcome) {
        probes.get(outcome).increment();
    }

    /** Runs a preparation and records its duration, whether it succeeds or throws. */
    public <T> T timePreparation(Supplier<T> preparation) {
        return prepare.record(preparation);
    }

    /** A job placed on the least-loaded worker ({@code true}) or published by key. */
    public void jobPlaced(boolean leastLoaded) {
        placements.get(leastLoaded ? "least-loaded" : "by-key").increment();
    }

    /** The watchdog issued a stage's {@code training} or {@code evaluation} job again. */
    public void reissued(String kind) {
        reissues.get(kind).increment();
    }
}
