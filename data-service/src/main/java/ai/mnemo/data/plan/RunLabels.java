package ai.mnemo.data.plan;

import ai.mnemo.events.spec.MethodSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Short names of runs for people: the method with what distinguishes it, then the seed, e.g. {@code naive/seed0},
 * {@code remix(random-words x2)/seed1}, {@code replay(5%)/seed0}.
 */
public final class RunLabels {

    private RunLabels() {
    }

    public static String method(MethodSpec method) {
        List<String> details = new ArrayList<>();
        if (method.replay() != null && method.replay().fraction() != null) {
            details.add(percent(method.replay().fraction()) + "%");
        }
        if (method.mixing() != null) {
            details.add(method.mixing().source() + " x" + number(method.mixing().ratio()));
        }
        return details.isEmpty() ? method.name() : method.name() + "(" + String.join(", ", details) + ")";
    }

    public static String run(String methodLabel, long seed) {
        return methodLabel + "/seed" + seed;
    }

    /** {@code 0.05 -> "5"}, computed in decimal so that 0.05 does not become 5.000000000000001. */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** {@code 2.0 -> "2"}, {@code 0.5 -> "0.5"}; the shortest decimal that reads back as the same double. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
