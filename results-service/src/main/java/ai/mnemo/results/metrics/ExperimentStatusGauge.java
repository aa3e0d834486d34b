package ai.mnemo.results.metrics;

import ai.mnemo.events.Topics;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.ExperimentStatus;
import ai.mnemo.results.service.Outcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code mnemo.results.experiments} (tag {@code status}): experiments by status. The counts are kept in memory and
 * recounted (one small GROUP BY) at startup and after each stored event that can change an experiment's status,
 * so a scrape never touches the database.
 */
@ApplicationScoped
public class ExperimentStatusGauge {

    public static final String EXPERIMENTS = "mnemo.results.experiments";
    private static final Logger LOG = Logger.getLogger(ExperimentStatusGauge.class);

    private final Map<ExperimentStatus, AtomicLong> counts = new EnumMap<>(ExperimentStatus.class);

    public ExperimentStatusGauge(MeterRegistry registry) {
        for (ExperimentStatus status : ExperimentStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder(EXPERIMENTS, count, AtomicLong::get)
                    .description("Experiments known to results-service, by status")
                    .tag("status", status.wire())
                    .register(registry);
        }
    }

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    /** Recounts when the event may have moved an experiment: a stored experiments or runs event. */
    public void after(String topic, Outcome outcome) {
        if (outcome == Outcome.STORED && (Topics.EXPERIMENTS.equals(topic) || Topics.RUNS.equals(topic))) {
            refresh();
        }
    }

    public void refresh() {
        try {
            Map<ExperimentStatus, Long> fresh = QuarkusTransaction.requiringNew().call(ExperimentStatusGauge::count);
            counts.forEach((status, count) -> count.set(fresh.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            LOG.warnf("could not recount experiments by status: %s", e.getMessage());
        }
    }

    private static Map<ExperimentStatus, Long> count() {
        Map<ExperimentStatus, Long> counted = new EnumMap<>(ExperimentStatus.class);
        Experiment.getEntityManager()
                .createQuery("select e.status, count(e) from Experiment e group by e.status", Object[].class)
                .getResultList()
                .forEach(row -> counted.put((ExperimentStatus) row[0], (Long) row[1]));
        return counted;
    }
}
