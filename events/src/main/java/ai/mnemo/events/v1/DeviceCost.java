package ai.mnemo.events.v1;

/**
 * What one training stage or one evaluation cost, and on what hardware.
 *
 * @param device {@code cpu} or {@code gpu}: where the engine computed
 * @param deviceSeconds on a GPU, wall seconds times the GPUs used; on a CPU, the CPU-seconds the process spent
 *     (every thread, libtorch's native ones included)
 * @param wallSeconds the job's wall time, from taking it to its outcome
 * @param devices the GPUs used, or the CPUs the process may use
 * @param hardware the GPU's or CPU's model name, e.g. {@code NVIDIA H200} or {@code AMD EPYC 7B13}
 */
public record DeviceCost(String device, double deviceSeconds, double wallSeconds, int devices, String hardware) {

    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public DeviceCost {
        Require.present(device, "device");
        Require.present(hardware, "hardware");
        if (!CPU.equals(device) && !GPU.equals(device)) {
            throw new IllegalArgumentException("device must be cpu or gpu (was " + device + ")");
        }
        if (!(deviceSeconds >= 0) || !(wallSeconds >= 0)) {
            throw new IllegalArgumentException("deviceSeconds and wallSeconds must not be negative (were "
                    + deviceSeconds + ", " + wallSeconds + ")");
        }
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be at least 1 (was " + devices + ")");
        }
    }
}
