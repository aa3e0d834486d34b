package ai.mnemo.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processor a figure was measured on, as {@code /proc/cpuinfo} names it, and the vector kernels libtorch picks on
 * it.
 *
 * @param model the model name
 * @param flags the instruction-set flags of the first processor
 */
public record Cpu(String model, Set<String> flags) {

    /** This machine's processor; "unknown CPU" without {@code /proc/cpuinfo}. */
    public static Cpu current() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return new Cpu("unknown CPU (" + e.getMessage() + ")", Set.of());
        }
    }

    static Cpu parse(String cpuinfo) {
        String name = field(cpuinfo, "model name").orElse("unknown CPU");
        Set<String> flags = field(cpuinfo, "flags").map(f -> Arrays.stream(f.split("\\s+"))
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        return new Cpu(name, flags);
    }

    private static java.util.Optional<String> field(String cpuinfo, String name) {
        return cpuinfo.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip());
    }

    /** Model, cores and widest vector extension: the line every reported figure carries. */
    public static String describe() {
        Cpu cpu = current();
        return cpu.model() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu.vectorExtension();
    }

    /** The widest vector extension the processor has. */
    public String vectorExtension() {
        return flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : "no AVX2";
    }

    /**
     * The kernel set ATen dispatches to: {@code ATEN_CPU_CAPABILITY} when set (it can only lower the level), else
     * what the processor supports. ATen's AVX512 kernels need AVX-512 F, BW, VL and DQ with FMA; its AVX2 kernels
     * AVX2 with FMA. The same rule in libtorch's cpuinfo; Python's {@code torch.backends.cpu.get_cpu_capability()}
     * prints the one actually chosen, for comparison.
     */
    public String atenCapability(String override) {
        String supported = flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "fma"))
                ? "AVX512" : flags.containsAll(Set.of("avx2", "fma")) ? "AVX2" : "DEFAULT";
        if (override == null || override.isBlank()) {
            return supported;
        }
        String asked = override.strip().toUpperCase(Locale.ROOT);
        return rank(asked) < rank(supported) ? asked : supported;
    }

    private static int rank(String capability) {
        return switch (capability) {
            case "AVX512" -> 2;
            case "AVX2" -> 1;
            default -> 0;
        };
    }
}
