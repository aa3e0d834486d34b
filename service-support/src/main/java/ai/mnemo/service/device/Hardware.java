package ai.mnemo.service.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The model name of the hardware a service computes on, for the cost of its jobs. */
public final class Hardware {

    static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    /** The NVIDIA driver's per-GPU files (also inside containers of the NVIDIA toolkit): {@code Model: ...}. */
    static final Path NVIDIA_GPUS = Path.of("/proc/driver/nvidia/gpus");

    private Hardware() {}

    /** The GPU's model on a GPU, the CPU's otherwise; falls back to the engine's names when the files say nothing. */
    public static String describe(DeviceReport device) {
        return device.onGpu()
                ? gpuModel(NVIDIA_GPUS).orElse("GPU " + device.name() + " (CUDA " + device.cudaVersion() + ")")
                : cpuModel(CPU_INFO).orElse(System.getProperty("os.arch") + " CPU");
    }

    static Optional<String> cpuModel(Path cpuInfo) {
        return field(cpuInfo, "model name");
    }

    static Optional<String> gpuModel(Path gpus) {
        if (!Files.isDirectory(gpus)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(gpus)) {
            return dirs.sorted().map(dir -> field(dir.resolve("information"), "Model"))
                    .flatMap(Optional::stream).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The value of the first {@code key : value} line (both files use that form). */
    static Optional<String> field(Path file, String key) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.contains(":"))
                    .filter(line -> line.substring(0, line.indexOf(':')).trim().equals(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .filter(value -> !value.isEmpty()).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
