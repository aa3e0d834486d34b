package ai.mnemo.results.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of results-service ({@code mnemo.results.*}). */
@ConfigMapping(prefix = "mnemo.results")
public interface ResultsConfig {

    /** How events are written. */
    Writes writes();

    /** How lists are served. */
    Api api();

    /**
     * The newest experiments whose runs results-service exports as Prometheus gauges for the science dashboard
     * (tags experiment, method, seed): the gauges' series grow with it (runs x (stages^2 + 5) per experiment).
     */
    @WithDefault("10")
    int scienceExperiments();

    interface Writes {

        /**
         * Tries per event before it is logged and skipped. Consumers of different topics write the same rows at
         * once (two create one placeholder, two update one stage); the loser's transaction fails on the natural
         * key or the row version, and its next try reads the winner's row and applies the event on top.
         */
        @WithDefault("10")
        int attempts();

        /** Wait before the second try; doubled for each further one (with jitter), up to {@link #maxBackoff}. */
        @WithDefault("20ms")
        Duration backoff();

        @WithDefault("1s")
        Duration maxBackoff();
    }

    interface Api {

        /** Experiments listed when the request names no {@code limit}. */
        @WithDefault("100")
        int defaultLimit();

        /** The largest {@code limit} accepted. */
        @WithDefault("1000")
        int maxLimit();
    }
}
