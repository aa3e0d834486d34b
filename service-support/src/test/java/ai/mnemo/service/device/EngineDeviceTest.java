package ai.mnemo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The real engine of this build: libtorch for CPUs (pytorch-native-cpu), so no GPU whatever the machine has. */
class EngineDeviceTest {

    @Test
    void theCpuLibtorchReportsTheCpu() {
        DeviceReport report = EngineDevice.report(Engine.getEngine("PyTorch"));
        assertEquals("cpu", report.device());
        assertEquals("cpu()", report.name());
        assertEquals(0, report.gpuCount());
        assertNull(report.cudaVersion());
        assertTrue(report.engine().startsWith("PyTorch 2."), report.engine());
    }

    @Test
    void expectingAGpuRefusesToStartOnThisEngineWhileCpuAndAutoStart() {
        DeviceReport report = EngineDevice.report(Engine.getEngine("PyTorch"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        assertEquals(report, new DeviceCheck(DeviceExpectation.AUTO, registry, "trainer-service").verify(report));
        assertEquals(report, new DeviceCheck(DeviceExpectation.CPU, registry, "trainer-service").verify(report));
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class,
                () -> new DeviceCheck(DeviceExpectation.GPU, registry, "trainer-service").verify(report));
        assertTrue(e.getMessage().contains("computes on cpu() (no GPU visible)"), e.getMessage());
    }

    @Test
    void theCommandPrintsTheDeviceAndExitsNonZeroWhenItIsNotTheExpectedOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(0, DeviceCommand.run(new String[0], o, e));
            assertEquals(0, DeviceCommand.run(new String[] {"cpu"}, o, e));
            assertEquals(1, DeviceCommand.run(new String[] {"gpu"}, o, e));
            assertEquals(2, DeviceCommand.run(new String[] {"tpu"}, o, e));
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("computes on cpu()"), out.toString());
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("mnemo.device.expect=gpu but"), errors);
        assertTrue(errors.contains("usage: DeviceCommand [auto|cpu|gpu], not: tpu"), errors);
    }
}
