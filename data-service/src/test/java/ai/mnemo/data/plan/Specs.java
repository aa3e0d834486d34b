package ai.mnemo.data.plan;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.SpecValidator;

/** Specs for tests, written as YAML the way a researcher would, validated on the way in. */
public final class Specs {

    private Specs() {
    }

    /** Stage-0 checkpoints by run id, as an artifact root at /artifacts would name them. */
    public static final java.util.function.Function<String, String> CHECKPOINTS =
            runId -> "file:/artifacts/runs/" + runId + "/stages/0/checkpoint";

    public static ExperimentSpec valid(String yaml) {
        ExperimentSpec spec = ExperimentSpecs.parse(yaml);
        if (!SpecValidator.validate(spec).isEmpty()) {
            throw new IllegalArgumentException("test spec is invalid: " + SpecValidator.validate(spec));
        }
        return spec;
    }

    /** Two KVR stages, naive and remix, seeds 0 and 1. */
    public static final String TWO_STAGES = """
            name: two stages
            model: {preset: tiny, seed: 3}
            stages:
              - dataset: {name: kvr, split: A, size: 20}
              - dataset: {name: kvr, split: B, size: 30, maxNewTokens: 12}
                training: {learningRate: 0.001}
            training: {learningRate: 0.002, batchSize: 8}
            evaluation: {maxNewTokens: 16}
            grid:
              methods:
                - name: naive
                - name: remix
                  mixing: {source: random-words, ratio: 2}
              seeds: [0, 1]
            """;
}
