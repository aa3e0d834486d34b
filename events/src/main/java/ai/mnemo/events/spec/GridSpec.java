package ai.mnemo.events.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid data-service expands into runs: methods x seeds, where a method is further crossed with the grid's
 * values of its main parameter, and every run with the grid's learning rates and batch sizes when given.
 *
 * @param mixRatios when given, every mixing method runs once per ratio (overriding its {@code mixing.ratio})
 * @param klWeights when given, every {@code kl} method runs once per weight
 * @param ewcLambdas when given, every {@code ewc} method runs once per lambda
 * @param loraRanks when given, every {@code lora} method runs once per rank
 * @param learningRates when given, every run is repeated per learning rate (every stage trains with it)
 * @param batchSizes when given, every run is repeated per batch size (every stage trains with it)
 * @param seeds one run per seed; default {@link SpecDefaults#SEEDS}
 */
public record GridSpec(
        List<MethodSpec> methods,
        List<Double> mixRatios,
        List<Double> klWeights,
        List<Double> ewcLambdas,
        List<Integer> loraRanks,
        List<Double> learningRates,
        List<Integer> batchSizes,
        List<Long> seeds) {

    public GridSpec {
        methods = SpecLists.copy(methods);
        mixRatios = SpecLists.copy(mixRatios);
        klWeights = SpecLists.copy(klWeights);
        ewcLambdas = SpecLists.copy(ewcLambdas);
        loraRanks = SpecLists.copy(loraRanks);
        learningRates = SpecLists.copy(learningRates);
        batchSizes = SpecLists.copy(batchSizes);
        seeds = SpecLists.copy(seeds);
    }

    /** A grid of methods, mix ratios and seeds only. */
    public GridSpec(List<MethodSpec> methods, List<Double> mixRatios, List<Long> seeds) {
        this(methods, mixRatios, null, null, null, null, null, seeds);
    }

    /**
     * A method of this resolved grid once per grid value of its own main parameter, or as written when the grid
     * has none for it.
     */
    public List<MethodSpec> variants(MethodSpec method) {
        if (method.mixing() != null && mixRatios != null) {
            return mixRatios.stream().map(r -> method.withMixing(method.mixing().withRatio(r))).toList();
        }
        if (method.kl() != null && klWeights != null) {
            return klWeights.stream().map(w -> method.withKl(new KlSpec(w))).toList();
        }
        if (method.ewc() != null && ewcLambdas != null) {
            return ewcLambdas.stream().map(l -> method.withEwc(new EwcSpec(l))).toList();
        }
        if (method.lora() != null && loraRanks != null) {
            return loraRanks.stream().map(r -> method.withLora(method.lora().withRank(r))).toList();
        }
        return List.of(method);
    }

    /** How many runs this resolved grid expands into: variants x learning rates x batch sizes x seeds. */
    public long runCount() {
        long perMethodValue = (long) (learningRates == null ? 1 : learningRates.size())
                * (batchSizes == null ? 1 : batchSizes.size()) * seeds.size();
        return methods.stream().mapToLong(m -> variants(m).size()).sum() * perMethodValue;
    }

    public GridSpec resolve(int stageCount) {
        List<MethodSpec> resolved = new ArrayList<>();
        for (MethodSpec method : methods) {
            resolved.add(method.resolve(stageCount));
        }
        return new GridSpec(resolved, mixRatios, klWeights, ewcLambdas, loraRanks, learningRates, batchSizes,
                SpecDefaults.or(seeds, SpecDefaults.SEEDS));
    }
}
