package ai.mnemo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceExpectationTest {

    static final DeviceReport CPU = new DeviceReport("PyTorch 2.7.1", "cpu", "cpu()", 0, null);
    static final DeviceReport GPU = new DeviceReport("PyTorch 2.7.1", "gpu", "gpu(0)", 2, "12.8");

    @Test
    void autoTakesEitherDevice() {
        assertEquals(Optional.empty(), DeviceExpectation.AUTO.refusal(CPU));
        assertEquals(Optional.empty(), DeviceExpectation.AUTO.refusal(GPU));
    }

    @Test
    void gpuRefusesTheCpuSayingWhatToCheck() {
        assertEquals(Optional.empty(), DeviceExpectation.GPU.refusal(GPU));
        String reason = DeviceExpectation.GPU.refusal(CPU).orElseThrow();
        assertTrue(reason.startsWith("mnemo.device.expect=gpu but PyTorch 2.7.1 computes on cpu() (no GPU visible)"),
                reason);
        assertTrue(reason.contains("nvidia.com/gpu") && reason.contains("MNEMO_DEVICE_EXPECT=auto"), reason);
    }

    @Test
    void cpuRefusesAGpu() {
        assertEquals(Optional.empty(), DeviceExpectation.CPU.refusal(CPU));
        String reason = DeviceExpectation.CPU.refusal(GPU).orElseThrow();
        assertTrue(reason.startsWith("mnemo.device.expect=cpu but PyTorch 2.7.1 computes on gpu(0) (2 GPUs, CUDA 12.8)"),
                reason);
    }

    @Test
    void aReportNamesOnlyKnownDevices() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceReport("PyTorch", "tpu", "tpu(0)", 0, null));
        assertEquals("PyTorch 2.7.1 computes on gpu(0) (1 GPU, CUDA 12.8)",
                new DeviceReport("PyTorch 2.7.1", "gpu", "gpu(0)", 1, "12.8").summary());
    }

    @Test
    void cudaVersionsDecodeAsMajorDotMinor() {
        assertEquals("12.8", EngineDevice.cudaVersion(12080));
        assertEquals("11.8", EngineDevice.cudaVersion(11080));
        assertEquals("12.10", EngineDevice.cudaVersion(12100));
    }
}
