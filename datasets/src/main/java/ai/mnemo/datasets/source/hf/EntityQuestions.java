package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * EntityQuestions (Sciavolino et al.; released as one JSON file per relation, e.g. {@code P17.test.json}, with
 * {@code question} and {@code answers}): the gold answer is the first of {@code answers}, the others (other names of
 * the same entity) are its aliases, for the known-fact filter. Concatenate the relations you want into one JSON
 * Lines or Parquet file.
 */
public final class EntityQuestions implements DatasetSource {

    @Override
    public String name() {
        return "entityquestions";
    }

    @Override
    public List<String> columns() {
        return List.of("question", "answers");
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("question"), HfLists.first(row, "answers"),
                HfLists.rest(row, "answers")));
    }
}
