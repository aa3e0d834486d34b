package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/** EvolCode ({@code nickrosh/Evol-Instruct-Code-80k-v1}): user = {@code instruction}, answer = {@code output}. */
public final class EvolCode implements DatasetSource {

    @Override
    public String name() {
        return "evolcode";
    }

    @Override
    public List<String> columns() {
        return List.of("instruction", "output");
    }

    @Override
    public boolean factoid() {
        return false;
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("instruction"), row.text("output")));
    }
}
