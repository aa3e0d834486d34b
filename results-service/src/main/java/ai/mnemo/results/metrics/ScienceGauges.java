package ai.mnemo.results.metrics;

import ai.mnemo.events.Topics;
import ai.mnemo.results.analysis.Comparison;
import ai.mnemo.results.analysis.MethodLabels;
import ai.mnemo.results.analysis.Retention;
import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.config.ResultsConfig;
import ai.mnemo.results.service.LineageQueries;
import ai.mnemo.results.service.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The science dashboard's feed: per run of the newest {@code mnemo.results.science-experiments} experiments,
 * retention of D_A, accuracy on the last stage's dataset, forgetting, every cell of the retention matrix, and the
 * device-seconds spent. Tags experiment (id), name, method (label) and seed; older experiments drop out, which keeps
 * the series bounded. Recomputed after each stored runs or eval event, so a scrape never touches the database.
 */
@ApplicationScoped
public class ScienceGauges {

    public static final String RETENTION = "mnemo.results.run.retention";
    public static final String LAST_STAGE_ACCURACY = "mnemo.results.run.last.stage.accuracy";
    public static final String FORGETTING = "mnemo.results.run.forgetting";
    public static final String ACCURACY = "mnemo.results.run.accuracy";
    public static final String COST = "mnemo.results.run.cost.seconds";
    private static final Logger LOG = Logger.getLogger(ScienceGauges.class);

    private final LineageQueries queries;
    private final int experiments;
    private final MultiGauge retention;
    private final MultiGauge lastStage;
    private final MultiGauge forgetting;
    private final MultiGauge accuracy;
    private final MultiGauge cost;

    public ScienceGauges(LineageQueries queries, ResultsConfig config, MeterRegistry registry) {
        this.queries = queries;
        this.experiments = config.scienceExperiments();
        this.retention = MultiGauge.builder(RETENTION)
                .description("Accuracy on the first stage's facts (D_A) after the last stage, per completed run")
                .register(registry);
        this.lastStage = MultiGauge.builder(LAST_STAGE_ACCURACY)
                .description("Accuracy on the last stage's facts (D_B) after the last stage, per completed run")
                .register(registry);
        this.forgetting = MultiGauge.builder(FORGETTING)
                .description("Accuracy on D_A after stage 0 minus retention, per completed run").register(registry);
        this.accuracy = MultiGauge.builder(ACCURACY)
                .description("The retention matrix: accuracy of checkpoint_stage's checkpoint on dataset_stage's facts")
                .register(registry);
        this.cost = MultiGauge.builder(COST)
                .description("Device-seconds of a run's trainings and evaluations, by device (gpu, cpu)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    /** Recomputes when a stored event may have changed a score or a cost: runs and eval events. */
    public void after(String topic, Outcome outcome) {
        if (outcome == Outcome.STORED && (Topics.EVAL.equals(topic) || Topics.RUNS.equals(topic))) {
            refresh();
        }
    }

    public synchronized void refresh() {
        try {
            List<ExperimentLineage> newest = queries.experiments(experiments).stream()
                    .map(summary -> queries.experiment(summary.id())).flatMap(Optional::stream).toList();
            List<MultiGauge.Row<?>> retained = new ArrayList<>();
            List<MultiGauge.Row<?>> learned = new ArrayList<>();
            List<MultiGauge.Row<?>> forgot = new ArrayList<>();
            List<MultiGauge.Row<?>> cells = new ArrayList<>();
            List<MultiGauge.Row<?>> spent = new ArrayList<>();
            for (ExperimentLineage experiment : newest) {
                ComparisonReport report = Comparison.of(experiment);
                Map<String, RunLineage> runs = experiment.runs().stream()
                        .collect(Collectors.toMap(RunLineage::id, Function.identity()));
                for (MethodComparison method : report.methods()) {
                    for (MethodComparison.RunScore score : method.runs()) {
                        Tags tags = Tags.of("experiment", experiment.id(), "name", String.valueOf(experiment.name()),
                                "method", method.label(), "seed", String.valueOf(score.seed()));
                        row(retained, tags, score.retention());
                        row(learned, tags, score.lastStageAccuracy());
                        row(forgot, tags, score.forgetting());
                        matrix(cells, tags, runs.get(score.runId()));
                    }
                }
                for (RunLineage run : experiment.runs()) {
                    Tags tags = Tags.of("experiment", experiment.id(), "name", String.valueOf(experiment.name()),
                            "method", MethodLabels.of(run), "seed", String.valueOf(run.seed()));
                    spent.add(MultiGauge.Row.of(tags.and("device", "gpu"), run.cost().gpuSeconds()));
                    spent.add(MultiGauge.Row.of(tags.and("device", "cpu"), run.cost().cpuSeconds()));
                }
            }
            retention.register(retained, true);
            lastStage.register(learned, true);
            forgetting.register(forgot, true);
            accuracy.register(cells, true);
            cost.register(spent, true);
        } catch (RuntimeException e) {
            LOG.warnf("could not recompute the science gauges: %s", e.getMessage());
        }
    }

    private static void matrix(List<MultiGauge.Row<?>> cells, Tags tags, RunLineage run) {
        if (run == null) {
            return;
        }
        List<List<Double>> matrix = Retention.of(run).accuracy();
        for (int checkpoint = 0; checkpoint < matrix.size(); checkpoint++) {
            for (int dataset = 0; dataset < matrix.get(checkpoint).size(); dataset++) {
                row(cells, tags.and("checkpoint_stage", Integer.toString(checkpoint), "dataset_stage",
                        Integer.toString(dataset)), matrix.get(checkpoint).get(dataset));
            }
        }
    }

    private static void row(List<MultiGauge.Row<?>> rows, Tags tags, Double value) {
        if (value != null) {
            rows.add(MultiGauge.Row.of(tags, value));
        }
    }
}
