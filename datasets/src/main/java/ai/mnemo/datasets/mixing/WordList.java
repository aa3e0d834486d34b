package ai.mnemo.datasets.mixing;

import ai.mnemo.datasets.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The dictionary that random-word sequences (REMIX) and KVR's random prefixes draw from: a resource of this module,
 * written for Mnemo (see the README beside it), so preparation needs no download and a manifest can name the exact
 * file by its hash.
 */
public final class WordList {

    /** Where the standard list lives on the classpath; manifests name it as {@code classpath:} + this. */
    public static final String RESOURCE = "ai/mnemo/datasets/mixing/random-words.txt";

    private static volatile WordList standard;

    private final List<String> words;
    private final String source;
    private final String sha256;

    WordList(List<String> words, String source, String sha256) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a word list needs at least one word");
        }
        this.words = List.copyOf(words);
        this.source = source;
        this.sha256 = sha256;
    }

    /** The list shipped with Mnemo, loaded once. */
    public static WordList standard() {
        WordList loaded = standard;
        if (loaded == null) {
            loaded = load(RESOURCE);
            standard = loaded;
        }
        return loaded;
    }

    static WordList load(String resource) {
        try (InputStream in = WordList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list resource " + resource + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            List<String> words = new String(bytes, StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            return new WordList(words, "classpath:" + resource, Sha256.of(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }

    public List<String> words() {
        return words;
    }

    /** How a manifest names this list, e.g. {@code classpath:ai/mnemo/datasets/mixing/random-words.txt}. */
    public String source() {
        return source;
    }

    /** SHA-256 of the resource's bytes. */
    public String sha256() {
        return sha256;
    }

    /** {@code count} words drawn uniformly, with replacement, joined by single spaces. */
    public String draw(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(words.get(random.nextInt(words.size())));
        }
        return text.toString();
    }
}
