package ai.mnemo.service.spec;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.SpecLimits;
import ai.mnemo.events.spec.SpecValidator;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import ai.mnemo.lm.plan.GpuMemory;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every spec is checked, whichever way it came in (REST in results-service, Kafka in data-service): the
 * validator's rules under this deployment's limits, {@code model.uri} against this deployment's model root, and,
 * when the fleet's GPU memory is configured, every run's memory plan against it.
 */
@ApplicationScoped
public class SpecDoor {

    private final SpecLimits limits;
    private final ModelRootCatalog models;
    private final Optional<FleetMemory> fleet;
    private final boolean bf16;

    public SpecDoor(LimitsConfig limits, ArtifactStore store,
            @ConfigProperty(name = "mnemo.fleet.gpu-memory") Optional<String> gpuMemory,
            @ConfigProperty(name = "mnemo.engine.bf16", defaultValue = "false") boolean bf16) {
        this.limits = limits.limits();
        this.bf16 = bf16;
        this.models = new ModelRootCatalog(store);
        this.fleet = gpuMemory.filter(m -> !m.isBlank()).map(m -> new FleetMemory(GpuMemory.parse(m), store));
    }

    public SpecLimits limits() {
        return limits;
    }

    /** Every violation; empty when the spec may run here. */
    public List<Violation> check(ExperimentSpec spec) {
        List<Violation> violations = SpecValidator.validate(spec, limits, models);
        if (violations.isEmpty()) {
            violations = EngineRules.check(spec, bf16);
        }
        if (!violations.isEmpty() || fleet.isEmpty()) {
            return violations;
        }
        return fleet.get().check(spec);
    }
}
