package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * TriviaQA ({@code mandarjoshi/trivia_qa}, config {@code rc.nocontext}): {@code question}; the gold answer is the
 * struct field {@code answer.value}. {@code answer.aliases} and {@code answer.normalized_aliases} are not used:
 * exact match compares against one gold string.
 */
public final class TriviaQa implements DatasetSource {

    @Override
    public String name() {
        return "triviaqa";
    }

    @Override
    public List<String> columns() {
        return List.of("question", "answer");
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("question"), row.text("answer", "value")));
    }
}
