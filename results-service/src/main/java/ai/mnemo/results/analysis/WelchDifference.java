package ai.mnemo.results.analysis;

import ai.mnemo.results.api.Difference;
import ai.mnemo.results.api.MethodComparison;
import ai.mnemo.results.api.Spread;
import ai.mnemo.results.api.VersusNaive;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A method's mean minus naive's mean of one quantity over seeds, with the 95% confidence interval of Welch's t
 * test: standard error {@code sqrt(s1^2/n1 + s2^2/n2)}, degrees of freedom by Welch-Satterthwaite. Seeds are the
 * unit (the facts within a seed are not independent replications of the method).
 */
public final class WelchDifference {

    static final double LEVEL = 0.95;

    private WelchDifference() {
    }

    /**
     * @param method one value per completed seed of the method; nulls (cells not evaluated) are left out
     * @return null when either side has fewer than two seeds
     */
    public static Difference of(List<? extends Number> method, List<? extends Number> naive) {
        return of(Spread.of(method), Spread.of(naive));
    }

    static Difference of(Spread a, Spread b) {
        if (a.n() < 2 || b.n() < 2) {
            return null;
        }
        double varianceA = a.std() * a.std() / a.n();
        double varianceB = b.std() * b.std() / b.n();
        double mean = a.mean() - b.mean();
        double standardError = Math.sqrt(varianceA + varianceB);
        if (standardError == 0) {
            return new Difference(mean, mean, mean, null);
        }
        double df = Math.pow(varianceA + varianceB, 2) / (varianceA * varianceA / (a.n() - 1)
                + varianceB * varianceB / (b.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        return new Difference(mean, mean - t * standardError, mean + t * standardError, df);
    }

    /** Every quantity of {@code method} against naive's. */
    static VersusNaive versusNaive(MethodComparison method, MethodComparison naive) {
        return new VersusNaive(method.label(), method.n(), naive.n(),
                of(method.retention(), naive.retention()),
                of(method.retentionLogProb(), naive.retentionLogProb()),
                of(method.retentionTokenAccuracy(), naive.retentionTokenAccuracy()),
                of(method.forgetting(), naive.forgetting()),
                of(method.lastStageAccuracy(), naive.lastStageAccuracy()));
    }
}
