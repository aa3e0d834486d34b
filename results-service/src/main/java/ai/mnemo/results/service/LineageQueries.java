package ai.mnemo.results.service;

import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.LossPointView;
import ai.mnemo.results.api.RunCounts;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.mapping.LineageMapper;
import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.LossPoint;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.RunStatus;
import ai.mnemo.results.persistence.Stage;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the lineage for the REST API, a fixed number of queries per request whatever the number of runs (the
 * experiment, its runs, all their stages, all their evaluations), mapped to response records.
 */
@ApplicationScoped
@Transactional
public class LineageQueries {

    /** The newest {@code limit} experiments, with their runs counted by status. */
    public List<ExperimentSummary> experiments(int limit) {
        List<Experiment> experiments = Experiment.findAll(Sort.descending("submittedAt").and("id"))
                .page(Page.ofSize(limit))
                .list();
        Map<String, RunCounts> counts = runCounts(experiments.stream().map(e -> e.id).toList());
        return experiments.stream()
                .map(e -> LineageMapper.summary(e, counts.getOrDefault(e.id, RunCounts.NONE)))
                .toList();
    }

    public Optional<ExperimentLineage> experiment(String id) {
        Experiment experiment = Experiment.findById(id);
        if (experiment == null) {
            return Optional.empty();
        }
        List<Run> runs = Run.ofExperiment(id);
        return Optional.of(LineageMapper.lineage(experiment, lineages(runs)));
    }

    /** Whether an experiment with this id has been seen (cheaper than reading its lineage). */
    public boolean experimentExists(String id) {
        return Experiment.count("id", id) > 0;
    }

    public Optional<RunLineage> run(String id) {
        Run run = Run.findById(id);
        return run == null ? Optional.empty() : Optional.of(lineages(List.of(run)).get(0));
    }

    /** The run's loss curve, by stage and step; empty when the run is unknown. */
    public Optional<List<LossPointView>> lossCurve(String runId) {
        if (Run.findById(runId) == null) {
            return Optional.empty();
        }
        return Optional.of(LossPoint.ofRun(runId).stream().map(LineageMapper::lossPoint).toList());
    }

    private static List<RunLineage> lineages(List<Run> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<String> ids = runs.stream().map(r -> r.id).toList();
        Map<String, List<Stage>> stages = Stage.ofRuns(ids).stream()
                .collect(Collectors.groupingBy(s -> s.run.id));
        Map<String, List<Evaluation>> evaluations = Evaluation.ofRuns(ids).stream()
                .collect(Collectors.groupingBy(e -> e.run.id));
        return runs.stream()
                .map(run -> LineageMapper.run(run, stages.getOrDefault(run.id, List.of()),
                        evaluations.getOrDefault(run.id, List.of())))
                .toList();
    }

    private static Map<String, RunCounts> runCounts(List<String> experimentIds) {
        if (experimentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<RunStatus, Long>> byExperiment = new HashMap<>();
        Run.getEntityManager()
                .createQuery("select r.experiment.id, r.status, count(r) from Run r "
                        + "where r.experiment.id in :ids group by r.experiment.id, r.status", Object[].class)
                .setParameter("ids", experimentIds)
                .getResultList()
                .forEach(row -> byExperiment.computeIfAbsent((String) row[0], k -> new EnumMap<>(RunStatus.class))
                        .put((RunStatus) row[1], (Long) row[2]));
        Map<String, RunCounts> counts = new HashMap<>();
        byExperiment.forEach((id, byStatus) -> counts.put(id, new RunCounts(
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.getOrDefault(RunStatus.PLANNED, 0L),
                byStatus.getOrDefault(RunStatus.RUNNING, 0L),
                byStatus.getOrDefault(RunStatus.COMPLETED, 0L),
                byStatus.getOrDefault(RunStatus.FAILED, 0L),
                byStatus.getOrDefault(RunStatus.CANCELLED, 0L))));
        return counts;
    }
}
