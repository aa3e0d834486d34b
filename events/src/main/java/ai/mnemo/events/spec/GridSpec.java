package ai.mnemo.events.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid data-service expands into runs: methods x seeds, where a method with mixing is further crossed with
 * {@code mixRatios} when given.
 *
 * @param mixRatios when given, every mixing method runs once per ratio (overriding its {@code mixing.ratio})
 * @param seeds one run per seed; default {@link SpecDefaults#SEEDS}
 */
public record GridSpec(List<MethodSpec> methods, List<Double> mixRatios, List<Long> seeds) {

    public GridSpec {
        methods = SpecLists.copy(methods);
        mixRatios = SpecLists.copy(mixRatios);
        seeds = SpecLists.copy(seeds);
    }

    public GridSpec resolve(int stageCount) {
        List<MethodSpec> resolved = new ArrayList<>();
        for (MethodSpec method : methods) {
            resolved.add(method.resolve(stageCount));
        }
        return new GridSpec(resolved, mixRatios, SpecDefaults.or(seeds, SpecDefaults.SEEDS));
    }
}
