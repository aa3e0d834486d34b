package ai.mnemo.results.analysis;

import ai.mnemo.results.api.RunLineage;
import java.math.BigDecimal;

/**
 * Which method a run belongs to, for grouping seeds. data-service labels runs {@code <method label>/seed<seed>}
 * where the method label already tells apart what a researcher compares (mix ratio, mixing source, replay
 * fraction: {@code remix(random-words x2)}, {@code replay(5%)}); the seed suffix is cut off. A label of another
 * shape falls back to the method name and mix ratio ({@code remix x2}).
 */
public final class MethodLabels {

    static final String UNPLANNED = "(not planned yet)";

    private MethodLabels() {
    }

    public static String of(RunLineage run) {
        if (run.label() != null && run.seed() != null) {
            String suffix = "/seed" + run.seed();
            if (run.label().endsWith(suffix) && run.label().length() > suffix.length()) {
                return run.label().substring(0, run.label().length() - suffix.length());
            }
        }
        if (run.method() == null) {
            return UNPLANNED;
        }
        return run.mixRatio() == null ? run.method() : run.method() + " x" + number(run.mixRatio());
    }

    /** {@code 2.0 -> "2"}, {@code 0.5 -> "0.5"}. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
