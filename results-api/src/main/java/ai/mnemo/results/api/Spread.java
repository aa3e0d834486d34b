package ai.mnemo.results.api;

import java.util.List;
import java.util.Objects;

/**
 * A quantity over the seeds of one method: how many values there were, their mean and their sample standard
 * deviation (divided by n - 1, the spread one would expect between seeds). The standard deviation is null for a
 * single value (no spread can be estimated from one seed), and both are null when there is no value at all.
 */
public record Spread(int n, Double mean, Double std) {

    /** @param values one per run; nulls (a cell not evaluated) are left out */
    public static Spread of(List<? extends Number> values) {
        double[] xs = values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue).toArray();
        int n = xs.length;
        if (n == 0) {
            return new Spread(0, null, null);
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Spread(1, mean, null);
        }
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        return new Spread(n, mean, Math.sqrt(squares / (n - 1)));
    }
}
