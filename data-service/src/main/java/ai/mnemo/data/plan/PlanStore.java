package ai.mnemo.data.plan;

import ai.mnemo.service.artifacts.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run plans in the artifact store ({@code runs/<runId>/plan.json}): the only memory data-service has of a run, so
 * any instance can conduct any run and a restart loses nothing.
 */
@ApplicationScoped
public class PlanStore {

    private final ArtifactStore store;

    public PlanStore(ArtifactStore store) {
        this.store = store;
    }

    /** The run's plan; empty when the run is not one of ours (no plan, or an id that is no artifact name). */
    public Optional<RunPlan> find(String runId) {
        Path file;
        try {
            file = store.run(runId).plan();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return Files.exists(file) ? Optional.of(JsonFiles.read(file, RunPlan.class)) : Optional.empty();
    }

    public void write(RunPlan plan) {
        JsonFiles.write(store.run(plan.runId()).plan(), plan);
    }
}
