package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * PopQA ({@code akariasai/PopQA}, split {@code test}, 14,267 rows): {@code question}; the gold answer is the first
 * entry of {@code possible_answers}, which the export stores as the text of a JSON list ({@code ["a", "b"]}). The
 * other entries are the fact's aliases: training and evaluation use the gold answer alone, the known-fact filter
 * accepts any of them.
 */
public final class PopQa implements DatasetSource {

    @Override
    public String name() {
        return "popqa";
    }

    @Override
    public List<String> columns() {
        return List.of("question", "possible_answers");
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        List<String> answers = row.list("possible_answers");
        if (answers.isEmpty() || answers.get(0).isBlank()) {
            throw row.problem("possible_answers", "has no first answer");
        }
        return Optional.of(fact(row, row.text("question"), answers.get(0), answers.subList(1, answers.size())));
    }
}
