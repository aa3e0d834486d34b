package ai.mnemo.service.spec;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.events.v1.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the fleet's engine can run, checked at the door instead of failing a job hours later: DJL 0.36's PyTorch
 * engine has no bf16 (docs/lm.md), so {@code bf16} and {@code mixed} are refused unless the operator says the
 * engine maps it ({@code mnemo.engine.bf16}); half precision does not combine with LoRA stages yet.
 */
final class EngineRules {

    private static final Set<String> BF16 = Set.of(TrainingSettings.PRECISION_BF16, TrainingSettings.PRECISION_MIXED);

    private EngineRules() {
    }

    /** @param spec a valid spec */
    static List<Violation> check(ExperimentSpec spec, boolean bf16) {
        ExperimentSpec resolved = spec.resolve();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < resolved.stages().size(); i++) {
            String precision = resolved.stages().get(i).training().precision();
            String field = spec.stages().get(i).training() != null
                    && spec.stages().get(i).training().precision() != null
                    ? "stages[" + i + "].training.precision" : "training.precision";
            if (!bf16 && precision != null && BF16.contains(precision)) {
                violations.add(new Violation(field, precision + " needs bf16, which DJL 0.36's PyTorch engine cannot"
                        + " run (docs/lm.md); use mixed-fp16 or fp32"));
            }
            List<MethodSpec> methods = resolved.grid().methods();
            for (int j = 0; j < methods.size(); j++) {
                MethodSpec method = methods.get(j);
                if (SpecVocabulary.LORA.equals(method.name()) && i > 0 && precision != null
                        && !TrainingSettings.PRECISION_FP32.equals(precision)) {
                    violations.add(new Violation(field, precision + " does not combine with LoRA stages yet (the"
                            + " adapters stay FP32 beside the base): grid.methods[" + j + "] is lora; use fp32"));
                }
            }
        }
        return violations.stream().distinct().toList();
    }
}
