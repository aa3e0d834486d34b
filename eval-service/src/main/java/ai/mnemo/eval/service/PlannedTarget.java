package ai.mnemo.eval.service;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.events.v1.EvalTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * One target of a job with everything resolved: the fact rows to score, the metric to score them with and the
 * file their predictions go to.
 *
 * @param field the target's place in the job ({@code targets[1]}), for failure reasons
 */
public record PlannedTarget(String field, EvalTarget target, List<PreparedRow> facts, Metric metric,
        Path predictions) {

    public PlannedTarget {
        facts = List.copyOf(facts);
    }
}
