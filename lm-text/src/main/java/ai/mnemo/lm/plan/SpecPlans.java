package ai.mnemo.lm.plan;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.spec.StageSpec;
import ai.mnemo.events.spec.TrainingSpec;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory plans of a resolved spec: one per run cell that changes memory (method x LoRA rank x batch size; seeds,
 * learning rates and the methods' weights do not) and stage. A stage trains with its resolved precision,
 * micro-batch and {@code maxSequenceLength} (an upper bound on its rows); KL and EWC hold their copies from stage 1
 * on, as data-service assigns them; LoRA applies on the method's stages.
 */
public final class SpecPlans {

    private SpecPlans() {}

    /** One run cell's plans, stage by stage. */
    public record RunPlan(String label, List<MemoryPlan> stages) {
        /** The stage that needs the most memory. */
        public MemoryPlan peak() {
            return stages.stream().max(java.util.Comparator.comparingLong(MemoryPlan::total)).orElseThrow();
        }
    }

    /** @param spec a valid, resolved spec ({@code ExperimentSpec.resolve()}) */
    public static List<RunPlan> of(ExperimentSpec spec, LlamaConfig config, Integer sequenceLength) {
        List<RunPlan> runs = new ArrayList<>();
        List<Integer> batchSizes = spec.grid().batchSizes() == null ? java.util.Collections.singletonList(null)
                : spec.grid().batchSizes();
        for (MethodSpec method : spec.grid().methods()) {
            for (Integer rank : ranks(spec, method)) {
                for (Integer batch : batchSizes) {
                    String label = method.name() + (rank != null ? " r" + rank : "")
                            + (batch != null ? " batch " + batch : "");
                    List<MemoryPlan> stages = new ArrayList<>();
                    for (int i = 0; i < spec.stages().size(); i++) {
                        stages.add(MemoryPlanner.plan(config, inputs(spec.stages().get(i), i, method, rank, batch,
                                sequenceLength)));
                    }
                    runs.add(new RunPlan(label, stages));
                }
            }
        }
        return runs;
    }

    private static List<Integer> ranks(ExperimentSpec spec, MethodSpec method) {
        if (method.lora() == null) {
            return java.util.Collections.singletonList(null);
        }
        return spec.grid().loraRanks() != null ? spec.grid().loraRanks() : List.of(method.lora().rank());
    }

    private static PlanInputs inputs(StageSpec stage, int index, MethodSpec method, Integer rank, Integer gridBatch,
            Integer sequenceLength) {
        TrainingSpec training = stage.training();
        int batch = gridBatch != null ? gridBatch : training.batchSize();
        int micro = training.microBatchSize() != null ? Math.min(training.microBatchSize(), batch) : batch;
        PlanInputs.Builder in = PlanInputs.builder(micro,
                sequenceLength != null ? sequenceLength : training.maxSequenceLength())
                .optPrecision(Precision.parse(training.precision()));
        if (rank != null && method.lora().stages().contains(index)) {
            in.optLora(rank, method.lora().targetModules());
        }
        if (index > 0 && SpecVocabulary.KL.equals(method.name())) {
            in.optKlReference();
        }
        if (index > 0 && SpecVocabulary.EWC.equals(method.name())) {
            in.optEwc();
        }
        return in.build();
    }
}
