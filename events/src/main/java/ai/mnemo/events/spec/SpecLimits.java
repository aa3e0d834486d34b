package ai.mnemo.events.spec;

/**
 * Upper bounds on everything a spec can make the fleet spend, checked at the door. An operator may lower or raise
 * each one ({@code mnemo.limits.*}, docs/operations.md); the defaults leave room for the paper's grids on 8B models
 * and refuse what can only be a typo or an attack ({@code epochs: 1000000000}).
 *
 * @param runs runs per experiment, after the grid is expanded
 * @param seeds entries of {@code grid.seeds}
 * @param stages entries of {@code stages}
 * @param epochs a stage's {@code stopping.epochs} (the cap of every rule)
 * @param stepsPerStage optimizer steps a stage may take: ceil(rows / batch) x epochs, rows including mixed rows
 * @param datasetSize facts per stage
 * @param wordsPerSequence words of one random-word sequence
 * @param mixRatio generic rows per fact
 * @param newTokens a generation cap ({@code maxNewTokens})
 * @param sequenceLength {@code maxSequenceLength}
 * @param batchSize rows per optimizer step and per generation batch
 * @param gridValues entries of each grid axis and of {@code grid.methods}
 * @param specBytes the spec document, as submitted (UTF-8)
 */
public record SpecLimits(int runs, int seeds, int stages, int epochs, long stepsPerStage, int datasetSize,
        int wordsPerSequence, double mixRatio, int newTokens, int sequenceLength, int batchSize, int gridValues,
        int specBytes) {

    public static final SpecLimits DEFAULTS = new SpecLimits(500, 50, 10, 1000, 5_000_000L, 100_000, 2048, 100.0,
            8192, 131_072, 8192, 50, 256 * 1024);

    /** Characters a name may have: the width of the database column it is stored in. */
    public static final int NAME_LENGTH = 100;
    /** Characters a path or URI in a spec may have. */
    public static final int PATH_LENGTH = 1000;

    public SpecLimits {
        if (runs < 1 || seeds < 1 || stages < 1 || epochs < 1 || stepsPerStage < 1 || datasetSize < 1
                || wordsPerSequence < 1 || !(mixRatio > 0) || newTokens < 1 || sequenceLength < 1 || batchSize < 1
                || gridValues < 1 || specBytes < 1) {
            throw new IllegalArgumentException("every limit must be at least 1: " + this);
        }
    }
}
