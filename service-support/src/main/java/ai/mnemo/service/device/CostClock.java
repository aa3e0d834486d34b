package ai.mnemo.service.device;

import ai.mnemo.events.v1.DeviceCost;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Measures one job's cost: started when a trainer or evaluator takes a job, read when the job has its outcome.
 * On a CPU it counts the process's CPU time, which includes libtorch's native threads (a thread's CPU time from
 * ThreadMXBean would miss them); trainer and evaluator run one job at a time, so that time is the job's, plus the
 * little the Kafka client and the JIT spend meanwhile. On a GPU it counts wall time on the one GPU the engine
 * computes on (its default device).
 */
public final class CostClock {

    private final DeviceReport device;
    private final String hardware;
    private final LongSupplier cpuNanos;
    private final LongSupplier wallNanos;
    private final int cpus;
    private final long cpuStart;
    private final long wallStart;

    CostClock(DeviceReport device, String hardware, LongSupplier cpuNanos, LongSupplier wallNanos, int cpus) {
        this.device = device;
        this.hardware = hardware;
        this.cpuNanos = cpuNanos;
        this.wallNanos = wallNanos;
        this.cpus = cpus;
        this.cpuStart = cpuNanos.getAsLong();
        this.wallStart = wallNanos.getAsLong();
    }

    public static CostClock start(DeviceReport device, String hardware) {
        return new CostClock(device, hardware, CostClock::processCpuNanos, System::nanoTime,
                Runtime.getRuntime().availableProcessors());
    }

    public DeviceCost stop() {
        double wall = (wallNanos.getAsLong() - wallStart) / 1e9;
        if (device.onGpu()) {
            return new DeviceCost(DeviceCost.GPU, wall, wall, 1, hardware);
        }
        double cpu = Math.max(0, cpuNanos.getAsLong() - cpuStart) / 1e9;
        return new DeviceCost(DeviceCost.CPU, cpu, wall, cpus, hardware);
    }

    /** -1 where the JVM cannot tell; then the cost reads 0 CPU-seconds rather than failing the job. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
