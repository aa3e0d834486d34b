package ai.mnemo.events.spec;

import ai.mnemo.events.v1.ModelRef;

/**
 * The base model: exactly one of {@code preset} ({@code tiny}) and {@code uri} (a Hugging Face checkpoint
 * directory, a {@code file:} URI or a path under the model root).
 *
 * @param seed initial weights of a preset; default {@link SpecDefaults#MODEL_SEED}
 */
public record ModelSpec(String preset, String uri, Long seed) {

    public ModelSpec resolve() {
        return new ModelSpec(preset, uri, SpecDefaults.or(seed, SpecDefaults.MODEL_SEED));
    }

    /** The model reference jobs carry for stage 0 and for probes. */
    public ModelRef toModelRef() {
        return preset != null
                ? ModelRef.preset(preset, SpecDefaults.or(seed, SpecDefaults.MODEL_SEED))
                : ModelRef.uri(uri);
    }
}
