package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * LAMA, T-REx part ({@code facebook/lama}, config {@code trex}): the question is {@code masked_sentence} as given,
 * {@code [MASK]} token included (the paper's template for LAMA is the text alone, no suffix); the gold answer is
 * {@code obj_label}.
 */
public final class Lama implements DatasetSource {

    @Override
    public String name() {
        return "lama";
    }

    @Override
    public List<String> columns() {
        return List.of("masked_sentence", "obj_label");
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("masked_sentence"), row.text("obj_label")));
    }
}
