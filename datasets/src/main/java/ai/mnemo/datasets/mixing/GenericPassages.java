package ai.mnemo.datasets.mixing;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.Sha256;
import ai.mnemo.datasets.source.SourceException;
import ai.mnemo.datasets.source.SourceTables;
import ai.mnemo.datasets.source.hf.PassageColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * REMIX's generic-text mixing (Knowledge Pile, arXiv Pile, FineWeb), as in the paper's code: of the export's first
 * {@value #ROWS_READ} rows, every passage of at least {@value #MIN_WORDS} words (split on white space) becomes one
 * candidate row: user = {@value #PROMPT} + its first 50 words, answer = its next 50 words (words joined by single
 * spaces). A stage draws {@code count} distinct candidates at random (a partial Fisher-Yates over their indices).
 */
public final class GenericPassages implements MixingSource {

    public static final String PROMPT = "Complete the following partial passage:\n\n";
    public static final int MIN_WORDS = 100;
    public static final int HALF = 50;
    public static final int ROWS_READ = 20_000;

    private final String file;
    private final String sha256;
    private final List<PreparedRow> candidates;

    private GenericPassages(String file, String sha256, List<PreparedRow> candidates) {
        this.file = file;
        this.sha256 = sha256;
        this.candidates = List.copyOf(candidates);
    }

    /** Reads the candidates of one export; {@code shownAs} is its path under the data root. */
    public static GenericPassages read(PassageColumn source, Path path, String shownAs) {
        List<PreparedRow> candidates = new ArrayList<>();
        SourceTables.read(path, shownAs, source.source(), List.of(source.column()), ROWS_READ, row -> {
            passage(row.optionalText(source.column()), candidates.size()).ifPresent(candidates::add);
            return true;
        });
        return new GenericPassages(shownAs, Sha256.of(path), candidates);
    }

    /** Candidates given directly (tests, benchmarks). */
    public static GenericPassages of(String file, String sha256, List<String> texts) {
        List<PreparedRow> candidates = new ArrayList<>();
        for (String text : texts) {
            passage(text, candidates.size()).ifPresent(candidates::add);
        }
        return new GenericPassages(file, sha256, candidates);
    }

    static Optional<PreparedRow> passage(String text, int index) {
        return split(text).map(p -> new PreparedRow("passage-" + index, p.user(), p.answer(), PreparedRow.MIXING));
    }

    /** A passage as a completion task: the prompt and the first 50 words, the next 50 words. */
    public record Completion(String user, String answer) {}

    /** The completion task of a passage, or empty when it has fewer than {@value #MIN_WORDS} words. */
    public static Optional<Completion> split(String text) {
        String[] words = text.strip().split("\\s+");
        if (text.isBlank() || words.length < MIN_WORDS) {
            return Optional.empty();
        }
        return Optional.of(new Completion(PROMPT + String.join(" ", Arrays.asList(words).subList(0, HALF)),
                String.join(" ", Arrays.asList(words).subList(HALF, 2 * HALF))));
    }

    /** Passages long enough to be used. */
    public int available() {
        return candidates.size();
    }

    @Override
    public List<PreparedRow> rows(int count, Random random) {
        if (count > candidates.size()) {
            throw new SourceException(file + " has " + candidates.size() + " passages of at least " + MIN_WORDS
                    + " words in its first " + ROWS_READ + " rows, but the stage needs " + count
                    + " mixing rows: lower mixing.ratio or give a larger export");
        }
        int[] order = new int[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<PreparedRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int picked = order[j];
            order[j] = order[i];
            order[i] = picked;
            PreparedRow passage = candidates.get(picked);
            rows.add(new PreparedRow(RandomWordSequences.ID_PREFIX + i, passage.user(), passage.assistant(),
                    PreparedRow.MIXING));
        }
        return rows;
    }

    @Override
    public String sourcePath() {
        return file;
    }

    @Override
    public String sourceSha256() {
        return sha256;
    }
}
