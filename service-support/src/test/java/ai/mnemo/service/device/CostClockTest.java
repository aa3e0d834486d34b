package ai.mnemo.service.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.DeviceCost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostClockTest {

    @TempDir
    Path dir;

    @Test
    void onACpuCountsTheProcessCpuTimeNotTheWallTime() {
        // 3 s of wall time in which the process used 5.5 CPU-seconds (several threads busy).
        CostClock clock = new CostClock(DeviceExpectationTest.CPU, "AMD EPYC 7B13", ticks(1_000_000_000L, 6_500_000_000L),
                ticks(10_000_000_000L, 13_000_000_000L), 4);

        assertEquals(new DeviceCost("cpu", 5.5, 3.0, 4, "AMD EPYC 7B13"), clock.stop());
    }

    @Test
    void onAGpuCountsWallSecondsOnTheOneGpuTheEngineUses() {
        CostClock clock = new CostClock(DeviceExpectationTest.GPU, "NVIDIA H200", ticks(0L, 99_000_000_000L),
                ticks(0L, 2_500_000_000L), 16);

        assertEquals(new DeviceCost("gpu", 2.5, 2.5, 1, "NVIDIA H200"), clock.stop());
    }

    @Test
    void theRealClockSeesCpuTimeSpentInThisProcess() {
        CostClock clock = CostClock.start(DeviceExpectationTest.CPU, "test CPU");
        long sum = 0;
        for (long i = 0; i < 200_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }
        DeviceCost cost = clock.stop();

        assertTrue(sum != 42 && cost.deviceSeconds() > 0.01, cost.toString());
        assertTrue(cost.wallSeconds() > 0.01, cost.toString());
    }

    @Test
    void readsTheCpuModelFromCpuinfo() throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu\n");

        assertEquals(Optional.of("AMD EPYC 7B13"), Hardware.cpuModel(cpuinfo));
        assertEquals(Optional.empty(), Hardware.cpuModel(dir.resolve("absent")));
    }

    @Test
    void readsTheGpuModelFromTheNvidiaDriver() throws IOException {
        Path gpu = Files.createDirectories(dir.resolve("gpus/0000:1b:00.0"));
        Files.writeString(gpu.resolve("information"), "Model: \t\t NVIDIA H200\nIRQ:  123\n");

        assertEquals(Optional.of("NVIDIA H200"), Hardware.gpuModel(dir.resolve("gpus")));
        assertEquals(Optional.empty(), Hardware.gpuModel(dir.resolve("none")));
    }

    @Test
    void theCheckHandsOutClocksOnlyForAVerifiedDevice() {
        DeviceCheck check = new DeviceCheck(DeviceExpectation.AUTO, new SimpleMeterRegistry(), "eval-service");
        assertTrue(check.costClock().isEmpty());

        check.verify(DeviceExpectationTest.CPU);

        assertEquals("cpu", check.costClock().orElseThrow().stop().device());
    }

    private static java.util.function.LongSupplier ticks(Long... values) {
        Iterator<Long> it = List.of(values).iterator();
        return it::next;
    }
}
