package ai.mnemo.results.api;

/**
 * A method's mean minus naive's mean of one quantity over seeds, with its 95% confidence interval (Welch's t test;
 * results-service's {@code WelchDifference} computes it). Null when either side has fewer than two seeds.
 *
 * @param low lower end of the 95% interval
 * @param high upper end
 * @param degreesOfFreedom Welch-Satterthwaite; null when both sides agree exactly across seeds (no spread at all)
 */
public record Difference(double mean, double low, double high, Double degreesOfFreedom) {
}
