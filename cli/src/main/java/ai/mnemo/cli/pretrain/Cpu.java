package ai.mnemo.cli.pretrain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The processor a figure was measured on, as {@code /proc/cpuinfo} names it, with its widest vector extension. */
public final class Cpu {

    private Cpu() {}

    public static String model() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            String name = info.lines().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
            String flags = info.lines().filter(l -> l.startsWith("flags")).findFirst().orElse("");
            String vector = flags.contains(" avx512f") ? "AVX-512" : flags.contains(" avx2") ? "AVX2" : "no AVX2";
            return name + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + vector;
        } catch (IOException e) {
            return "unknown CPU (" + e.getMessage() + ")";
        }
    }
}
