package ai.mnemo.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory as Linux reports it (native libtorch memory included, unlike the JVM's view). */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Peak resident set size (VmHWM) in kilobytes, or -1 where /proc is not available. */
    static long peakKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
