package ai.mnemo.datasets.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Tokens as the reference {@code rouge_score} package makes them with {@code use_stemmer=True}: lowercase, every run
 * of characters other than a-z and 0-9 is a separator, and tokens longer than 3 characters are Porter-stemmed
 * ("cats" and "running" become "cat" and "run"; "its" and "was" stay as written).
 *
 * <p>The stemmer is Snowball's Porter, the original algorithm. {@code rouge_score} uses NLTK's, whose default mode adds
 * a few extensions, so a handful of words stem differently (docs/science.md lists them).
 */
final class RougeTokens {

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** {@code rouge_score} stems only tokens longer than this. */
    private static final int LONGEST_UNSTEMMED = 3;

    private RougeTokens() {}

    static String[] of(String text) {
        String cleaned = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return new String[0];
        }
        // A Snowball stemmer holds the word it works on: one per call, so threads never share one.
        PorterStemmer stemmer = new PorterStemmer();
        return Arrays.stream(cleaned.split(" ")).map(token -> stem(stemmer, token)).toArray(String[]::new);
    }

    private static String stem(PorterStemmer stemmer, String token) {
        if (token.length() <= LONGEST_UNSTEMMED) {
            return token;
        }
        stemmer.setCurrent(token);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
