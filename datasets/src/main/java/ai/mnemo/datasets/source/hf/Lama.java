package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * LAMA, T-REx part ({@code facebook/lama}, config {@code trex}): the question is {@code masked_sentence} with every
 * {@code [MASK]} written as the blank {@code ___} (the paper's template for LAMA is the text alone, no suffix);
 * the gold answer is {@code obj_label}. {@code [MASK]} is BERT's token: a causal LM has never seen it, whereas a
 * fill-in-the-blank line is ordinary text to it.
 */
public final class Lama implements DatasetSource {

    private static final String MASK = "[MASK]";
    private static final String BLANK = "___";

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
        String question = row.text("masked_sentence").replace(MASK, BLANK);
        return Optional.of(fact(row, question, row.text("obj_label")));
    }
}
