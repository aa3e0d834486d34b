package ai.mnemo.cli.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WordNet's definitions as passages of English statements about things ({@code dog: a member of the genus Canis
 * ...}), read from Debian's {@code wordnet-base} data files: one line per synset, its first word, the gloss after
 * {@code |}. Consecutive definitions are joined into passages of about {@link #WORDS} words.
 */
final class WordNetGlosses {

    static final Path DIRECTORY = Path.of("/usr/share/wordnet");
    static final String PACKAGE = "wordnet-base";
    static final List<String> PARTS = List.of("noun", "verb", "adj", "adv");
    static final int WORDS = 200;

    private WordNetGlosses() {}

    static List<Passage> passages() {
        List<Passage> passages = new ArrayList<>();
        for (String part : PARTS) {
            Path file = DIRECTORY.resolve("data." + part);
            try {
                passages.addAll(group(part, Files.readAllLines(file, StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (Debian package " + PACKAGE + ")", e);
            }
        }
        return passages;
    }

    /** The definitions of one data file, joined into passages. */
    static List<Passage> group(String part, List<String> lines) {
        List<Passage> passages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int words = 0;
        for (String line : lines) {
            String definition = definition(line);
            if (definition == null) {
                continue;
            }
            text.append(text.isEmpty() ? "" : " ").append(definition);
            words += definition.split("\\s+").length;
            if (words >= WORDS) {
                passages.add(new Passage("wordnet-" + part + "-" + passages.size(), "wordnet", text.toString()));
                text.setLength(0);
                words = 0;
            }
        }
        if (!text.isEmpty()) {
            passages.add(new Passage("wordnet-" + part + "-" + passages.size(), "wordnet", text.toString()));
        }
        return passages;
    }

    /**
     * {@code word: gloss.} from a synset line ({@code offset lex_filenum ss_type w_cnt word lex_id ... | gloss}), or
     * null for the licence header (lines starting with two spaces) and lines without a gloss.
     */
    static String definition(String line) {
        int bar = line.indexOf(" | ");
        if (line.startsWith("  ") || bar < 0) {
            return null;
        }
        String[] fields = line.substring(0, bar).split(" ");
        if (fields.length < 5) {
            return null;
        }
        String word = fields[4].replace('_', ' ').replaceAll("\\(.*\\)$", "");
        String gloss = line.substring(bar + 3).strip();
        return word + ": " + gloss + (gloss.endsWith(".") ? "" : ".");
    }
}
