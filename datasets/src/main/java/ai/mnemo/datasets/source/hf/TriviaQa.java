package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * TriviaQA ({@code mandarjoshi/trivia_qa}, config {@code rc.nocontext}): {@code question}; the gold answer is the
 * struct field {@code answer.value}. The aliases (for the known-fact filter) are {@code answer.aliases}, the surface
 * forms that the metrics' own normalization (strip, lowercase) is meant for; {@code answer.normalized_aliases}
 * (already lowercased, punctuation and articles removed) is read only from an export without {@code aliases}.
 */
public final class TriviaQa implements DatasetSource {

    /** The struct fields that may hold the aliases, in order of preference. */
    private static final List<String> ALIAS_FIELDS = List.of("aliases", "normalized_aliases");

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
        return Optional.of(fact(row, row.text("question"), row.text("answer", "value"), aliases(row)));
    }

    private static List<String> aliases(SourceRow row) {
        for (String field : ALIAS_FIELDS) {
            if (row.has("answer", field)) {
                return row.list("answer", field);
            }
        }
        return List.of();
    }
}
