package ai.mnemo.service.device;

/**
 * The device a service's engine computes on, as the engine reports it at start.
 *
 * @param engine the engine's name and version, e.g. {@code PyTorch 2.7.1}
 * @param device {@code gpu} or {@code cpu}: where new arrays are created, so where every job runs
 * @param name the engine's name for that device, e.g. {@code gpu(0)} or {@code cpu()}
 * @param gpuCount the GPUs the engine can see (0 with a CPU-only libtorch, whatever the node has)
 * @param cudaVersion the CUDA runtime's version, e.g. {@code 12.8}; {@code null} without a GPU
 */
public record DeviceReport(String engine, String device, String name, int gpuCount, String cudaVersion) {

    public static final String GPU = "gpu";
    public static final String CPU = "cpu";

    public DeviceReport {
        if (!GPU.equals(device) && !CPU.equals(device)) {
            throw new IllegalArgumentException("device must be gpu or cpu, was " + device);
        }
    }

    public boolean onGpu() {
        return GPU.equals(device);
    }

    /** One line for the start-up log, e.g. {@code PyTorch 2.7.1 computes on gpu(0) (1 GPU, CUDA 12.8)}. */
    public String summary() {
        String gpus = gpuCount == 0 ? "no GPU visible" : gpuCount + (gpuCount == 1 ? " GPU" : " GPUs");
        return engine + " computes on " + name + " (" + gpus + (cudaVersion == null ? "" : ", CUDA " + cudaVersion)
                + ")";
    }
}
