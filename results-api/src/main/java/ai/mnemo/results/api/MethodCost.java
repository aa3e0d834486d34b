package ai.mnemo.results.api;


/**
 * What one method cost: the sum over all its runs (failed and pending ones spent too), and the cost of one seed
 * over its completed runs (mean and standard deviation), GPU- and CPU-seconds apart.
 */
public record MethodCost(Cost total, Spread gpuSecondsPerSeed, Spread cpuSecondsPerSeed) {
}
