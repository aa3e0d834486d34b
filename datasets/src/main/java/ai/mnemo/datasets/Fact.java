package ai.mnemo.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One fact of a factoid dataset: a question and the answer the model must memorize.
 *
 * <p>Training and evaluation use the one gold {@code answer}. Some exports list other acceptable answers (PopQA's
 * {@code possible_answers}, TriviaQA's {@code answer.aliases}, WebQuestions' {@code answers}); they are kept as
 * {@code aliases} for the known-fact filter only, so that a base model that already answers "Holland" for
 * "Netherlands" counts as knowing the fact.
 *
 * @param id stable id within its source (row number or the dataset's own id)
 * @param aliases the other accepted answers, in the export's order, without blanks, repeats or the gold answer
 *     itself; empty (never null) for a dataset that has none. Left out of JSON when empty, so the probe files of
 *     datasets without aliases stay as they were.
 */
public record Fact(String id, String question, String answer,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> aliases) {

    public Fact {
        if (id == null || question == null || answer == null) {
            throw new IllegalArgumentException("a fact needs an id, a question and an answer");
        }
        if (aliases == null) {
            aliases = List.of();
        }
        if (aliases.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("fact " + id + " has a null alias");
        }
        aliases = aliases.stream().filter(a -> !a.isBlank() && !a.equals(answer)).distinct().toList();
    }

    /** A fact whose dataset lists a single answer. */
    public Fact(String id, String question, String answer) {
        this(id, question, answer, List.of());
    }
}
