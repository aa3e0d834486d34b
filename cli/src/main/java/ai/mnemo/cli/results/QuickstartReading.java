package ai.mnemo.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one sentence the quickstart ends with: what its numbers mean (how much of D_A each method kept, exactly and
 * token by token, after D_B was learned), how far one seed of a tiny model carries, and where the full study is.
 */
public final class QuickstartReading {

    /** Where the study of every method over three seeds is written up. */
    public static final String STUDY = "docs/results/cpu-study.md";

    private QuickstartReading() {}

    public static String of(JsonNode comparison) {
        List<String> kept = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (JsonNode method : comparison.path("methods")) {
            String label = method.path("label").asText();
            JsonNode retention = method.path("retention");
            if (!retention.hasNonNull("mean")) {
                invalid.add(label);
                continue;
            }
            kept.add(String.format("%s kept %.0f%% of D_A's facts word for word (%.0f%% of their answer tokens)",
                    label, 100 * retention.get("mean").asDouble(),
                    100 * method.path("retentionTokenAccuracy").path("mean").asDouble()));
        }
        StringBuilder sentence = new StringBuilder("What this means: ");
        if (kept.isEmpty()) {
            sentence.append("no run finished, so nothing was measured (the runs' logs say why)");
        } else {
            sentence.append("after learning D_B, ").append(String.join(", ", kept));
            if (!invalid.isEmpty()) {
                sentence.append(" (").append(String.join(", ", invalid)).append(" did not finish)");
            }
            sentence.append("; one seed on a tiny model trained from random weights shows what is measured, not"
                    + " which method wins");
        }
        return sentence.append(": ").append(STUDY).append(" compares every method over three seeds on a pretrained"
                + " base, with 95% intervals.").toString();
    }
}
