package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/** MATH ({@code lighteval/MATH}, Hendrycks et al.): user = {@code problem}, answer = {@code solution}. */
public final class MathProblems implements DatasetSource {

    @Override
    public String name() {
        return "math";
    }

    @Override
    public List<String> columns() {
        return List.of("problem", "solution");
    }

    @Override
    public boolean factoid() {
        return false;
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        return Optional.of(fact(row, row.text("problem"), row.text("solution")));
    }
}
