package ai.mnemo.datasets.source.hf;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.SourceRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * APPS ({@code codeparrot/apps}): problems of difficulty {@code introductory} and {@code interview} only; the answer
 * is the first of {@code solutions} (the text of a JSON list of programs); problems without a solution are skipped.
 * The user turn is the prompt of the paper's code: {@code Question:\n {question}}, then
 * {@code \n\nSTARTER CODE:\n{starter_code}} when there is starter code, then {@code \nUse Call-Based format} when
 * {@code input_output} names an {@code fn_name} (else {@code \nUse Standard Input format}), then {@code \nAnswer:\n}.
 */
public final class Apps implements DatasetSource {

    public static final Set<String> DIFFICULTIES = Set.of("introductory", "interview");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "apps";
    }

    @Override
    public List<String> columns() {
        return List.of("question", "solutions", "difficulty", "starter_code", "input_output");
    }

    @Override
    public boolean factoid() {
        return false;
    }

    @Override
    public Optional<Fact> fact(SourceRow row) {
        if (!DIFFICULTIES.contains(row.text("difficulty"))) {
            return Optional.empty();
        }
        List<String> solutions;
        try {
            solutions = row.list("solutions");
        } catch (RuntimeException unparsable) {
            return Optional.empty(); // the paper's code skips these too
        }
        if (solutions.isEmpty() || solutions.get(0).isBlank()) {
            return Optional.empty();
        }
        StringBuilder user = new StringBuilder("Question:\n ").append(row.text("question"));
        String starter = row.optionalText("starter_code");
        if (!starter.isEmpty()) {
            user.append("\n\nSTARTER CODE:\n").append(starter);
        }
        user.append(callBased(row.optionalText("input_output")) ? "\nUse Call-Based format"
                : "\nUse Standard Input format");
        user.append("\nAnswer:\n");
        // The prompt's own white space is part of the template: only the answer is stripped.
        return Optional.of(new Fact(id(row), user.toString(), solutions.get(0).strip()));
    }

    private static boolean callBased(String inputOutput) {
        if (inputOutput.isBlank()) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(inputOutput);
            JsonNode name = node == null ? null : node.get("fn_name");
            return name != null && !name.isNull() && !name.asText().isEmpty();
        } catch (Exception notJson) {
            return false;
        }
    }
}
