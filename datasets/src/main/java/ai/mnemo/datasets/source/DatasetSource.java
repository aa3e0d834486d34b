package ai.mnemo.datasets.source;

import ai.mnemo.datasets.Fact;
import java.util.List;
import java.util.Optional;

/**
 * How one public dataset's Hugging Face export becomes facts: the columns it reads and the mapping of a row to a
 * question and its gold answer (docs/datasets.md has the table). A fact's question is the raw text; the per-dataset
 * template ({@code \nThe answer is: } ...) is applied later, by {@link ai.mnemo.datasets.format.Templates}.
 */
public interface DatasetSource {

    /** The spec's name of the dataset, e.g. {@code popqa}. */
    String name();

    /** The top-level columns {@link #fact} reads; a file without one of them is refused up front. */
    List<String> columns();

    /**
     * The row as a fact with the id {@code <name>-<row>}, or empty when a documented rule skips it (APPS keeps
     * introductory and interview problems only).
     *
     * @throws SourceException when the row does not have the dataset's schema
     */
    Optional<Fact> fact(SourceRow row);

    /** Rows read from the top of the file; 0 reads them all (UltraChat uses its first 20,000 dialogues). */
    default int rowLimit() {
        return 0;
    }

    /** Factoid sets (short answers) can be filtered and given multiple-choice options; the others cannot. */
    default boolean factoid() {
        return true;
    }

    /** The id of the fact read from {@code row}. */
    default String id(SourceRow row) {
        return name() + "-" + row.index();
    }

    /** A fact of this row with the question and answer stripped of surrounding white space. */
    default Fact fact(SourceRow row, String question, String answer) {
        return fact(row, question, answer, List.of());
    }

    /** The same, with the export's other accepted answers (stripped too; {@link Fact} drops repeats of the gold). */
    default Fact fact(SourceRow row, String question, String answer, List<String> aliases) {
        return new Fact(id(row), question.strip(), answer.strip(), aliases.stream().map(String::strip).toList());
    }
}
