package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * WebQA, i.e. WebQuestions ({@code stanfordnlp/web_questions}: {@code url}, {@code question}, {@code answers}): the
 * gold answer is the first of {@code answers}, the others are its aliases (for the known-fact filter); its default
 * metric is substring ({@code pred in gold}).
 */
public final class WebQa implements DatasetSource {

    @Override
    public String name() {
        return "webqa";
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
