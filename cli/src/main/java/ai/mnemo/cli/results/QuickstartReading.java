package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.Spread;
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

    public static String of(ComparisonReport comparison) {
        List<String> kept = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (MethodComparison method : ComparisonTable.list(comparison.methods())) {
            String label = method.label();
            Spread retention = method.retention();
            if (retention == null || retention.mean() == null) {
                invalid.add(label);
                continue;
            }
            Spread tokens = method.retentionTokenAccuracy();
            kept.add(String.format("%s kept %.0f%% of D_A's facts word for word (%.0f%% of their answer tokens)",
                    label, 100 * retention.mean(), 100 * (tokens == null || tokens.mean() == null ? 0
                            : tokens.mean())));
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
