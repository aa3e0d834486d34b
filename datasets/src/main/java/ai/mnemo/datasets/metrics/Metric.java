package ai.mnemo.datasets.metrics;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a prediction is judged against its gold answer (PAPER.md, "Evaluation"). The spec names the metric per
 * dataset; nothing here is chosen by a dataset's name.
 */
public enum Metric {

    /** {@code pred.strip().lower() == gold.strip().lower()}. */
    EXACT_MATCH("exact-match") {
        @Override
        public boolean correct(String prediction, String gold) {
            return normalize(prediction).equals(normalize(gold));
        }

        /**
         * Once the start of a prediction has text, the normalized prediction begins with it (lowercased, leading
         * blanks dropped, up to its trailing blanks), so the gold must begin with that too. Judged for ASCII only,
         * where lowercasing goes character by character and a byte prefix is whole characters.
         */
        @Override
        public boolean couldStillMatch(String predictionStart, String gold) {
            if (!predictionStart.chars().allMatch(c -> c < 0x80)) {
                return true;
            }
            String start = predictionStart.toLowerCase(Locale.ROOT).strip();
            return start.isEmpty() || normalize(gold).startsWith(start);
        }
    },

    /** WebQA: the prediction is a substring of the gold answer ({@code pred in gold}); an empty prediction is wrong. */
    SUBSTRING("substring") {
        @Override
        public boolean correct(String prediction, String gold) {
            String p = normalize(prediction);
            return !p.isEmpty() && normalize(gold).contains(p);
        }
    },

    /** GSM8K: the last number of the prediction equals the last number of the gold answer. */
    LAST_NUMBER("last-number") {
        @Override
        public boolean correct(String prediction, String gold) {
            BigDecimal p = lastNumber(prediction);
            BigDecimal g = lastNumber(gold);
            return p != null && g != null && p.compareTo(g) == 0;
        }
    },

    /** Multiple choice: the letter the prediction picks ({@code B. Paris} -> B) equals the gold letter. */
    CHOICE_LETTER("choice-letter") {
        @Override
        public boolean correct(String prediction, String gold) {
            String p = letter(prediction);
            return p != null && p.equals(letter(gold));
        }
    };

    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");
    private static final Pattern LETTER = Pattern.compile("^\\s*\\(?([A-Za-z])(?:[.):]|\\s|$)");

    private final String wireName;

    Metric(String wireName) {
        this.wireName = wireName;
    }

    public abstract boolean correct(String prediction, String gold);

    /**
     * Whether a prediction that begins with {@code predictionStart} may still be judged correct, whatever follows:
     * false lets a check skip generating the rest. True whenever unsure (the default).
     */
    public boolean couldStillMatch(String predictionStart, String gold) {
        return true;
    }

    /** The name used in specs and events ({@code exact-match}, ...). */
    public String wireName() {
        return wireName;
    }

    public static Metric named(String name) {
        for (Metric metric : values()) {
            if (metric.wireName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name
                + "' (exact-match, substring, last-number, choice-letter)");
    }

    /** Python's {@code str.strip().lower()}. */
    static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static BigDecimal lastNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? null : new BigDecimal(last.replace(",", ""));
    }

    static String letter(String text) {
        Matcher m = LETTER.matcher(text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
