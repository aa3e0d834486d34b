package ai.mnemo.results.metrics;

import ai.mnemo.results.service.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code mnemo.results.events}: records consumed, by topic and outcome (stored, duplicate, malformed ...). */
// Created at start-up, not on first use, so every series exists (at zero) before the first event.
@Startup
@ApplicationScoped
public class ResultsMetrics {

    public static final String EVENTS = "mnemo.results.events";

    private final MeterRegistry registry;

    public ResultsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void consumed(String topic, Outcome outcome) {
        counter(topic, outcome).increment();
    }

    /** The counter of one topic and outcome (registered on first use). */
    public Counter counter(String topic, Outcome outcome) {
        return Counter.builder(EVENTS)
                .description("Records consumed by results-service")
                .tag("topic", topic)
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
