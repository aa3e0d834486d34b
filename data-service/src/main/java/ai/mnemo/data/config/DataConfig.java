package ai.mnemo.data.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** data-service's own settings; the artifact root and the broker come from service-support. */
@ConfigMapping(prefix = "mnemo.data")
public interface DataConfig {

    /**
     * The data root: every {@code dataset.path} and {@code mixing.path} of a spec is relative to it, and nothing
     * outside it is ever opened (env {@code MNEMO_DATA}). A relative root is resolved against the working directory.
     */
    @WithDefault("data")
    String root();

    /** The known-fact filter. */
    Probe probe();

    interface Probe {

        /** Solved examples in the few-shot prompt: the pool's first facts, which are then never trained on. */
        @WithDefault("5")
        int fewShot();

        /** Generation cap of the probe (the paper: at most 20 new tokens). */
        @WithDefault("20")
        int maxNewTokens();
    }
}
