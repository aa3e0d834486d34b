package ai.mnemo.data.probe;

import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.events.v1.ModelRef;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Which pool a known-fact probe covers: a dataset export (name and path). One probe runs per experiment, pool and base
 * model, and every run of the experiment uses its verdict, so every method compared trains on the same D_A and D_B.
 */
public record ProbeKey(String dataset, String path) {

    public static ProbeKey of(StagePlan stage) {
        return new ProbeKey(stage.dataset().name(), stage.dataset().path());
    }

    /** {@code UUID.nameUUIDFromBytes(experimentId/probe/dataset/path/model)}: a replayed request finds the same probe. */
    public String probeId(String experimentId, ModelRef model) {
        String modelKey = model.preset() != null ? "preset:" + model.preset() + ":" + model.seed() : "uri:" + model.uri();
        return UUID.nameUUIDFromBytes((experimentId + "/probe/" + dataset + "/" + path + "/" + modelKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** How messages name the pool, e.g. {@code popqa (docs/examples/data/popqa.jsonl)}. */
    public String describe() {
        return dataset + " (" + path + ")";
    }
}
