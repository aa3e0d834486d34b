package ai.mnemo.data.placement;

/** When a run's first stage may start (docs/services/data-service.md, "Admission"). */
public enum Admission {
    /** At once: its job queues in Kafka, where a lag-based autoscaler sees it. */
    EAGER,
    /**
     * Only while a trainer is idle: a running run's next stage then finds a trainer free instead of queueing behind
     * other runs' first stages, and a fleet of fixed size finishes runs one after another, each as fast as it can.
     */
    WHEN_IDLE
}
