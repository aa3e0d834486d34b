package ai.mnemo.data.plan;

import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.v1.ModelRef;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One cell of an experiment's grid, resolved: what data-service writes to {@code runs/<runId>/plan.json} when it
 * plans the run and reads back whenever a stage of the run completes, so chaining stages needs no other state.
 *
 * @param label unique within the experiment, e.g. {@code remix(random-words x2)/seed0}; the run id derives from it
 * @param methodIndex the method's place in {@code grid.methods}, to name spec fields in failures
 * @param method the method as the run applies it: defaults filled, {@code mixing.ratio} set to the grid's ratio
 * @param model the base model stage 0 starts from
 */
public record RunPlan(
        String experimentId,
        String experimentName,
        String runId,
        String label,
        int methodIndex,
        MethodSpec method,
        long seed,
        ModelRef model,
        List<StagePlan> stages) {

    public RunPlan {
        stages = List.copyOf(stages);
    }

    public StagePlan stage(int index) {
        return stages.get(index);
    }

    public boolean hasStage(int index) {
        return index >= 0 && index < stages.size();
    }

    public boolean isLast(int index) {
        return index == stages.size() - 1;
    }

    /** The mix ratio RunPlanned reports: present for a method with mixing. */
    @JsonIgnore
    public Double mixRatio() {
        return method.mixing() == null ? null : method.mixing().ratio();
    }

    /** Each stage's dataset label, e.g. {@code [kvr:A, kvr:B]}. */
    @JsonIgnore
    public List<String> stageLabels() {
        return stages.stream().map(StagePlan::label).toList();
    }
}
