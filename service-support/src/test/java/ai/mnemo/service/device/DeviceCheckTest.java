package ai.mnemo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DeviceCheckTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void exportsTheDeviceAsTagsAndTheGpuCount() {
        new DeviceCheck(DeviceExpectation.GPU, registry, "trainer-service").verify(DeviceExpectationTest.GPU);

        Gauge info = registry.get(DeviceCheck.INFO).tag("service", "trainer-service").tag("device", "gpu")
                .tag("name", "gpu(0)").tag("cuda", "12.8").gauge();
        assertEquals(1.0, info.value());
        assertEquals(2.0, registry.get(DeviceCheck.GPU_COUNT).tag("service", "trainer-service").gauge().value());
    }

    @Test
    void refusesTheWrongDeviceAfterExportingIt() {
        DeviceCheck check = new DeviceCheck(DeviceExpectation.GPU, registry, "eval-service");

        DeviceRefusedException e = assertThrows(DeviceRefusedException.class,
                () -> check.verify(DeviceExpectationTest.CPU));
        assertTrue(e.getMessage().startsWith("mnemo.device.expect=gpu but"), e.getMessage());
        // Exported before refusing: a scrape in the pod's last seconds still shows what it found.
        assertEquals("none", registry.get(DeviceCheck.INFO).gauge().getId().getTag("cuda"));
        assertEquals(0.0, registry.get(DeviceCheck.GPU_COUNT).gauge().value());
    }
}
