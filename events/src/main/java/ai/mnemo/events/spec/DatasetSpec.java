package ai.mnemo.events.spec;

/**
 * The facts a stage trains on: {@code size} usable facts from split {@code A} (the first ones of the pool) or
 * {@code B} (the next ones, never overlapping A).
 *
 * @param path the local export of a public dataset, relative to the data root; not needed for {@code kvr}
 * @param filter run the known-fact filter first; default true except for {@code kvr}
 * @param metric null means "the dataset's own metric", which data-service's dataset catalogue decides
 * @param maxNewTokens generation cap; default {@code evaluation.maxNewTokens}, else the dataset's own (data-service
 *     fits factoid sets to their gold answers and gives the others the paper's 1000)
 */
public record DatasetSpec(
        String name,
        String split,
        Integer size,
        String path,
        String format,
        Boolean filter,
        String metric,
        Integer maxNewTokens) {

    /** This dataset with the doc's defaults; {@code evaluation} must be resolved already. */
    public DatasetSpec resolve(EvaluationSpec evaluation) {
        return new DatasetSpec(name,
                SpecDefaults.or(split, SpecDefaults.SPLIT),
                SpecDefaults.or(size, SpecDefaults.SIZE),
                path,
                SpecDefaults.or(format, SpecDefaults.FORMAT),
                SpecDefaults.or(filter, SpecDefaults.filter(name)),
                metric,
                SpecDefaults.or(maxNewTokens, evaluation.maxNewTokens()));
    }

    /** How events name this dataset, e.g. {@code kvr:A}. */
    public String label() {
        return name + ":" + SpecDefaults.or(split, SpecDefaults.SPLIT);
    }
}
