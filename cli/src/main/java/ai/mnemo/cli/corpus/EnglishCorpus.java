package ai.mnemo.cli.corpus;

import ai.mnemo.datasets.JsonLines;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generic English corpus obtained offline from Debian packages: the King James Bible (prose, 4.3 MB) and WordNet's
 * definitions (statements about 117,000 things, 9 MB). Prose teaches a small model the language; definitions give it
 * something like knowledge to hold. Written as JSON Lines with a {@code text} column, the shape of the generic
 * passages the paper mixes in.
 */
public final class EnglishCorpus {

    private EnglishCorpus() {}

    /** The Debian packages the corpus reads, and whether each is installed. */
    public static List<String> missingPackages() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(KingJamesBible.PROGRAM))) {
            missing.add(KingJamesBible.PACKAGE);
        }
        if (!Files.isRegularFile(WordNetGlosses.DIRECTORY.resolve("data.noun"))) {
            missing.add(WordNetGlosses.PACKAGE);
        }
        return missing;
    }

    /** Writes the corpus to {@code file} and returns its passages. */
    public static List<Passage> write(Path file, PrintStream out) {
        List<Passage> passages = new ArrayList<>(KingJamesBible.chapters());
        out.printf("  King James Bible: %d chapters%n", passages.size());
        int bible = passages.size();
        passages.addAll(WordNetGlosses.passages());
        out.printf("  WordNet definitions: %d passages of about %d words%n", passages.size() - bible,
                WordNetGlosses.WORDS);
        JsonLines.write(file, passages);
        return passages;
    }
}
