package ai.mnemo.service.device;

import java.util.Optional;

/**
 * The device a service is deployed to compute on ({@code mnemo.device.expect}). A GPU pod whose engine finds no GPU
 * would train on its CPU, hundreds of times slower, without any error: {@link #GPU} turns that into a refusal to
 * start.
 */
public enum DeviceExpectation {
    /** Whatever the engine finds (the default: laptops, CI, the local stack). */
    AUTO,
    /** Must compute on the CPU. */
    CPU,
    /** Must compute on a GPU (the gpu-cluster overlay). */
    GPU;

    /** Why a service expecting this must not start on {@code report}'s device; empty when it may. */
    public Optional<String> refusal(DeviceReport report) {
        return switch (this) {
            case AUTO -> Optional.empty();
            case GPU -> report.onGpu() ? Optional.empty() : Optional.of("mnemo.device.expect=gpu but "
                    + report.summary() + ": check that the pod requests nvidia.com/gpu and runs on a GPU node, that"
                    + " the image is the GPU variant (CUDA libtorch, PYTORCH_FLAVOR) and that the NVIDIA driver is"
                    + " visible in the container (nvidia-smi); or set MNEMO_DEVICE_EXPECT=auto to run on the CPU");
            case CPU -> report.onGpu() ? Optional.of("mnemo.device.expect=cpu but " + report.summary()
                    + ": use the CPU image, hide the GPU (CUDA_VISIBLE_DEVICES=), or set MNEMO_DEVICE_EXPECT=auto")
                    : Optional.empty();
        };
    }
}
