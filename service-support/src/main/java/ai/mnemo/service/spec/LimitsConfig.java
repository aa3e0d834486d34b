package ai.mnemo.service.spec;

import ai.mnemo.events.spec.SpecLimits;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The operator's limits on specs ({@code mnemo.limits.*}); a key left out keeps {@link SpecLimits#DEFAULTS}, so the
 * defaults live in one place.
 */
@ConfigMapping(prefix = "mnemo.limits")
public interface LimitsConfig {

    OptionalInt runs();

    OptionalInt seeds();

    OptionalInt stages();

    OptionalInt epochs();

    OptionalLong stepsPerStage();

    OptionalInt datasetSize();

    OptionalInt wordsPerSequence();

    OptionalDouble mixRatio();

    OptionalInt newTokens();

    OptionalInt sequenceLength();

    OptionalInt batchSize();

    OptionalInt gridValues();

    Optional<Integer> specBytes();

    default SpecLimits limits() {
        SpecLimits d = SpecLimits.DEFAULTS;
        return new SpecLimits(runs().orElse(d.runs()), seeds().orElse(d.seeds()), stages().orElse(d.stages()),
                epochs().orElse(d.epochs()), stepsPerStage().orElse(d.stepsPerStage()),
                datasetSize().orElse(d.datasetSize()), wordsPerSequence().orElse(d.wordsPerSequence()),
                mixRatio().orElse(d.mixRatio()), newTokens().orElse(d.newTokens()),
                sequenceLength().orElse(d.sequenceLength()), batchSize().orElse(d.batchSize()),
                gridValues().orElse(d.gridValues()), specBytes().orElse(d.specBytes()));
    }
}
