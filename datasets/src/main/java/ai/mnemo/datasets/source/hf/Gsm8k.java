package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * GSM8K ({@code openai/gsm8k}, config {@code main}): user = {@code question}, answer = {@code answer}, the whole
 * worked solution ending {@code #### <number>}; the last-number metric reads that final number.
 */
public final class Gsm8k implements DatasetSource {

    @Override
    public String name() {
        return "gsm8k";
    }

    @Override
    public List<String> columns() {
        return List.of("question", "answer");
    }

    @Override
    public boolean factoid() {
        return false;
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("question"), row.text("answer")));
    }
}
