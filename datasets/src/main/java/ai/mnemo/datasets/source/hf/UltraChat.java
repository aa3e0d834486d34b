package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * UltraChat ({@code stingning/ultrachat}: {@code id}, {@code data}, a list of turns alternating user, assistant),
 * its first 20,000 dialogues as in the paper's code. A prepared row has one user turn and one answer, so Mnemo keeps
 * the first exchange of each dialogue: {@code data[0]} is the user turn, {@code data[1]} the answer. A dialogue with
 * fewer than two turns is skipped.
 */
public final class UltraChat implements DatasetSource {

    public static final int DIALOGUES = 20_000;

    @Override
    public String name() {
        return "ultrachat";
    }

    @Override
    public List<String> columns() {
        return List.of("data");
    }

    @Override
    public int rowLimit() {
        return DIALOGUES;
    }

    @Override
    public boolean factoid() {
        return false;
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        List<String> turns = row.list("data");
        if (turns.size() < 2 || turns.get(0).isBlank() || turns.get(1).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(fact(row, turns.get(0), turns.get(1)));
    }
}
