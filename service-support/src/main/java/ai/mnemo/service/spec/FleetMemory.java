package ai.mnemo.service.spec;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ModelSpec;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.plan.MemoryPlan;
import ai.mnemo.lm.plan.SpecPlans;
import ai.mnemo.service.artifacts.ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether every run of a spec fits one GPU of the fleet ({@code mnemo.fleet.gpu-memory}): the memory planner's
 * bytes of weights, gradients, optimizer state, adapters and activations for the stage that needs the most, with
 * the arithmetic in the refusal, so a run that cannot fit is refused at submit rather than out of memory hours later.
 */
final class FleetMemory {

    private final long deviceBytes;
    private final ArtifactStore store;

    FleetMemory(long deviceBytes, ArtifactStore store) {
        this.deviceBytes = deviceBytes;
        this.store = store;
    }

    /** @param spec a valid spec whose model can be read */
    List<Violation> check(ExperimentSpec spec) {
        ExperimentSpec resolved = spec.resolve();
        List<Violation> violations = new ArrayList<>();
        for (SpecPlans.RunPlan run : SpecPlans.of(resolved, config(resolved.model()), null)) {
            MemoryPlan peak = run.peak();
            if (!peak.fits(deviceBytes)) {
                StringBuilder parts = new StringBuilder();
                for (MemoryPlan.Part part : peak.parts()) {
                    parts.append(parts.length() == 0 ? "" : "; ").append(part.name()).append(' ')
                            .append(part.arithmetic()).append(String.format(Locale.ROOT, " = %.2f GB",
                                    part.bytes() / 1e9));
                }
                violations.add(new Violation("grid.methods", run.label() + ", stage " + run.stages().indexOf(peak)
                        + " " + peak.verdict(deviceBytes) + " (mnemo.fleet.gpu-memory): " + parts
                        + "; lower the precision, the micro-batch or maxSequenceLength, or use lora"));
            }
        }
        return violations;
    }

    private LlamaConfig config(ModelSpec model) {
        return model.preset() != null ? ModelPresets.named(model.preset())
                : LlamaConfig.read(store.model(model.uri()).resolve("config.json"));
    }
}
