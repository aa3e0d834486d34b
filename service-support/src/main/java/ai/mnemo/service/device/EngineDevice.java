package ai.mnemo.service.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

/** Reads the {@link DeviceReport} of a started DJL engine. */
public final class EngineDevice {

    private EngineDevice() {}

    public static DeviceReport report(Engine engine) {
        Device device = engine.defaultDevice();
        int gpus = engine.getGpuCount();
        return new DeviceReport(engine.getEngineName() + " " + engine.getVersion(),
                device.isGpu() ? DeviceReport.GPU : DeviceReport.CPU, device.toString(), gpus,
                gpus > 0 ? cudaVersion(CudaUtils.getCudaVersion()) : null);
    }

    /** CUDA's encoding, 1000 * major + 10 * minor: 12080 is 12.8. */
    static String cudaVersion(int encoded) {
        return encoded / 1000 + "." + encoded % 1000 / 10;
    }
}
