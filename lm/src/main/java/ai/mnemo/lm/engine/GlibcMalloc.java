package ai.mnemo.lm.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Map;

/**
 * Keeps glibc from handing a training step's memory back to the kernel after every step. libtorch frees a step's
 * tensors when its scope closes; with glibc's defaults the larger blocks are unmapped or trimmed off the heap, and
 * the next step faults every page in again: 1,000 to 2,700 page faults a step on the tiny model, about a third of
 * its wall time on a 2-core VM (docs/lm.md, "Where a step's time goes"). A 32 MiB mmap threshold, no trimming and
 * 128 MiB of heap padding keep the pages mapped; all three are needed. The price is that a process keeps its peak
 * heap. Skipped where the C library is not glibc, when any {@code MALLOC_*_} variable already tunes it, or with
 * {@code MNEMO_MALLOC_TUNING=off}.
 */
public final class GlibcMalloc {

    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;

    /** Option and value, in the order they are set. */
    static final Map<Integer, Integer> SETTINGS = Map.of(
            M_MMAP_THRESHOLD, 32 << 20,
            M_TRIM_THRESHOLD, Integer.MAX_VALUE,
            M_TOP_PAD, 128 << 20);

    private static Boolean tuned;

    private GlibcMalloc() {}

    /** Applies the settings once per process; returns whether they are in force. */
    public static synchronized boolean keepStepMemory() {
        if (tuned == null) {
            tuned = apply(System.getenv());
        }
        return tuned;
    }

    static boolean apply(Map<String, String> env) {
        if ("off".equalsIgnoreCase(env.getOrDefault("MNEMO_MALLOC_TUNING", ""))) {
            return false;
        }
        boolean userTuned = env.keySet().stream().anyMatch(k -> k.startsWith("MALLOC_") && k.endsWith("_"));
        if (userTuned || !Platform.isLinux()) {
            return false;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            libc.getFunction("gnu_get_libc_version"); // throws where the C library is not glibc (musl)
            Function mallopt = libc.getFunction("mallopt");
            boolean all = true;
            for (int option : new int[] {M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_TOP_PAD}) {
                all &= mallopt.invokeInt(new Object[] {option, SETTINGS.get(option)}) == 1;
            }
            return all;
        } catch (LinkageError | RuntimeException notGlibc) { // no glibc, or JNA's own native part cannot load
            return false;
        }
    }
}
