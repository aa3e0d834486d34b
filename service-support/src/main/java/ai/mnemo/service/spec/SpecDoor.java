package ai.mnemo.service.spec;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.SpecLimits;
import ai.mnemo.events.spec.SpecValidator;
import ai.mnemo.events.spec.Violation;
import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Where every spec is checked, whichever way it came in (REST in results-service, Kafka in data-service): the
 * validator's rules under this deployment's limits, and {@code model.uri} against this deployment's model root.
 */
@ApplicationScoped
public class SpecDoor {

    private final SpecLimits limits;
    private final ModelRootCatalog models;

    public SpecDoor(LimitsConfig limits, ArtifactStore store) {
        this.limits = limits.limits();
        this.models = new ModelRootCatalog(store);
    }

    public SpecLimits limits() {
        return limits;
    }

    /** Every violation; empty when the spec may run here. */
    public List<Violation> check(ExperimentSpec spec) {
        return SpecValidator.validate(spec, limits, models);
    }
}
