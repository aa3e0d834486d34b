package ai.mnemo.events.v1;

/**
 * When a trainer ends a stage. {@code rule} is {@link #FIXED_EPOCHS} (train {@code epochs}),
 * {@link #LOSS_THRESHOLD} (stop once the step loss was below {@code lossThreshold} on {@code lossSteps} steps,
 * counted cumulatively, {@code epochs} capping it) or {@link #MEMORIZED} (stop at the first epoch with 100% greedy
 * exact match on the stage's facts; reaching {@code epochs} first fails the stage). The rule stays a string so a
 * rule added later within v1 does not break older readers.
 */
public record StoppingRule(String rule, int epochs, double lossThreshold, int lossSteps) {

    public static final String FIXED_EPOCHS = "fixed-epochs";
    public static final String LOSS_THRESHOLD = "loss-threshold";
    public static final String MEMORIZED = "memorized";

    public StoppingRule {
        Require.present(rule, "rule");
    }
}
