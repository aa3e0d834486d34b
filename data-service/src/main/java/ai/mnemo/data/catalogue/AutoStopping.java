package ai.mnemo.data.catalogue;

import ai.mnemo.events.spec.SpecVocabulary;
import ai.mnemo.events.spec.StoppingSpec;
import ai.mnemo.events.v1.StoppingRule;
import java.util.Map;

/**
 * The paper's stopping rule, which {@code stopping.rule: auto} stands for. It is chosen by D_A's dataset (stage 0)
 * and applies to every stage of the run, as in the paper ("stage 2 uses the rule chosen by D_A's dataset"):
 *
 * <pre>
 * D_A's dataset   rule
 * kvr             fixed-epochs, 20 epochs
 * gsm8k           fixed-epochs, 10 epochs
 * anything else   loss-threshold: stop once the step loss was below lossThreshold (1e-4) on lossSteps (10) steps,
 *                 counted cumulatively, capped at stopping.epochs (20)
 * </pre>
 *
 * The fixed epoch counts are the paper's and do not follow {@code stopping.epochs}; write {@code fixed-epochs} to
 * choose another count. A concrete rule in the spec is passed through unchanged.
 */
public final class AutoStopping {

    /** Datasets the paper trains for a fixed number of epochs, and how many. */
    static final Map<String, Integer> FIXED_EPOCHS = Map.of(
            SpecVocabulary.KVR, 20,
            "gsm8k", 10);

    private AutoStopping() {
    }

    /**
     * @param stageZeroDataset D_A's dataset name, e.g. {@code kvr}
     * @param stopping a resolved block (every key set), whose rule may be {@code auto}
     */
    public static StoppingRule resolve(String stageZeroDataset, StoppingSpec stopping) {
        if (!SpecVocabulary.AUTO.equals(stopping.rule())) {
            return stopping.toRule();
        }
        Integer fixed = FIXED_EPOCHS.get(stageZeroDataset);
        if (fixed != null) {
            return new StoppingRule(StoppingRule.FIXED_EPOCHS, fixed, stopping.lossThreshold(), stopping.lossSteps());
        }
        return stopping.withRule(StoppingRule.LOSS_THRESHOLD).toRule();
    }
}
