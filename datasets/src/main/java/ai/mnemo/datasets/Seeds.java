package ai.mnemo.datasets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Every random choice of data preparation draws from its own seed, derived from a base seed (the run's seed, or the
 * fixed KVR pool seed), a purpose ({@code shuffle}, {@code mixing}, {@code replay}, {@code random-prefix}) and an
 * index (the stage, or a fact's place in the pool). Independent streams mean that adding mixing rows does not change
 * which D_A facts are replayed, and that one fact's prefix does not depend on how many facts come before it.
 * <p>
 * {@code derive(seed, purpose, index) = m(m(m(seed) XOR fnv1a64(purpose)) XOR index)}, where {@code m} is the
 * SplitMix64 finalizer and {@code fnv1a64} hashes the purpose's UTF-8 bytes. The derived seed initialises a
 * {@link java.util.Random}, whose algorithm the Java specification fixes, so files are identical on every JVM.
 */
public final class Seeds {

    public static final String SHUFFLE = "shuffle";
    public static final String MIXING = "mixing";
    public static final String REPLAY = "replay";
    public static final String RANDOM_PREFIX = "random-prefix";
    public static final String CHOICES = "choices";

    private Seeds() {
    }

    public static long derive(long seed, String purpose, long index) {
        long h = splitMix64(seed);
        h = splitMix64(h ^ fnv1a64(purpose));
        return splitMix64(h ^ index);
    }

    /** A generator for one purpose and index. */
    public static Random random(long seed, String purpose, long index) {
        return new Random(derive(seed, purpose, index));
    }

    /**
     * Fisher-Yates, from the last element down, written out rather than borrowed from {@code Collections.shuffle}
     * so that the order is part of this documented code, not of a library's implementation.
     */
    public static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    static long splitMix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
