package ai.mnemo.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * KVR, synthetic key-value recall: keys and values are random 8-character strings of uppercase letters and
 * digits ({@code C62G3AUT -> 0AMXE2NF}), drawn from a seed, so no model can know them in advance. Keys are
 * unique; the question is the paper's template {@code The value of key {key} is?}.
 */
public final class KvrFacts {

    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public static final int LENGTH = 8;

    private KvrFacts() {}

    public static String question(String key) {
        return "The value of key " + key + " is?";
    }

    /** The first {@code count} facts of the seed's stream; a longer list extends a shorter one. */
    public static List<Fact> generate(long seed, int count) {
        Random random = new Random(seed);
        Set<String> keys = new HashSet<>();
        List<Fact> facts = new ArrayList<>(count);
        while (facts.size() < count) {
            String key = randomString(random);
            String value = randomString(random);
            if (keys.add(key)) {
                facts.add(new Fact("kvr-" + facts.size(), question(key), value));
            }
        }
        return facts;
    }

    private static String randomString(Random random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
