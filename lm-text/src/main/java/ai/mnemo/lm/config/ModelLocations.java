package ai.mnemo.lm.config;

import java.nio.file.Path;

/** Where a deployment keeps base models: the directory behind a model URI, and the one a preset is written to. */
public interface ModelLocations {

    /**
     * @throws IllegalArgumentException when the URI cannot name a model here (outside the model root, say)
     */
    Path model(String uri);

    /** The directory of {@code preset} initialized with {@code seed}; it may not exist yet. */
    Path preset(String preset, long seed);
}
