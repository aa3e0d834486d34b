package ai.mnemo.data.config;

import ai.mnemo.data.placement.Admission;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** Where jobs go: to an idle worker's partition (see {@code ai.mnemo.data.placement}). */
    Placement placement();

    /** The watchdog that issues a stalled stage's job again (see {@code ai.mnemo.data.run.StallLimits}). */
    Watchdog watchdog();

    interface Watchdog {

        /** How often running runs are looked at. */
        @WithDefault("PT30S")
        Duration interval();

        /**
         * A started training attempt without a progress event for this long is issued again (PT0S: never). Trainers
         * report every few steps and at every epoch end, so minutes of silence mean a hung or lost trainer.
         */
        @WithDefault("PT30M")
        Duration trainingStall();

        /** An evaluation without an answer for this long is issued again (PT0S: never); evaluators send no progress. */
        @WithDefault("PT2H")
        Duration evaluationStall();

        /** Issues of one stage's training (or evaluation) before the run fails. */
        @WithDefault("3")
        int attempts();

        /**
         * How long a training attempt that failed on something outside the job (an I/O error, the engine) waits
         * before the next attempt; doubled for each further one. The watchdog's interval rounds it up.
         */
        @WithDefault("PT30S")
        Duration retryBackoff();
    }

    interface Placement {

        /** Off: jobs go to the partition of their run id's hash, and a busy worker's queue may hold them. */
        @WithDefault("true")
        boolean enabled();

        /** The trainer fleet's consumer group on {@code mnemo.training.jobs.v1}. */
        @WithDefault("mnemo-trainers")
        String trainerGroup();

        /** The evaluator fleet's consumer group on {@code mnemo.eval.jobs.v1}. */
        @WithDefault("mnemo-evaluators")
        String evaluatorGroup();

        /** How long one reading of a group may take before the job is published by key instead. */
        @WithDefault("PT3S")
        Duration timeout();

        /**
         * How long to watch for a worker to become idle before placing a job behind a busy one: a worker commits
         * its job just after publishing the outcome that made data-service publish the next job.
         */
        @WithDefault("PT2S")
        Duration settle();

        /** When a run's first stage starts: {@code eager}, or {@code when-idle} (a fleet of fixed size). */
        @WithDefault("eager")
        Admission admission();

        /** How long a trainer must look idle before a waiting run gets it (when-idle). */
        @WithDefault("PT1S")
        Duration admissionGrace();

        /** How often waiting runs look for an idle trainer (when-idle). */
        @WithDefault("PT0.5S")
        Duration admissionPoll();
    }

    interface Probe {

        /** Solved examples in the few-shot prompt: the pool's first facts, which are then never trained on. */
        @WithDefault("5")
        int fewShot();

        /** Generation cap of the probe (the paper: at most 20 new tokens). */
        @WithDefault("20")
        int maxNewTokens();
    }
}
