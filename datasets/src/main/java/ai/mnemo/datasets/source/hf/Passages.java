package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.mixing.GenericPassages;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * Plain passages as a non-factoid stage ({@code text} column, the shape of Knowledge Pile, FineWeb or Mnemo's
 * English corpus): each passage of at least 100 words becomes a row in the form REMIX mixes generic text, the prompt
 * {@code Complete the following partial passage:} and its first 50 words, the answer the next 50; shorter passages
 * are skipped. It stands in for the paper's non-factoid stage-2 sets where none is available offline.
 */
public final class Passages implements DatasetSource {

    @Override
    public String name() {
        return "passages";
    }

    @Override
    public List<String> columns() {
        return List.of("text");
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return GenericPassages.split(row.text("text")).map(p -> fact(row, p.user(), p.answer()));
    }

    @Override
    public boolean factoid() {
        return false;
    }
}
