package ai.mnemo.lm.config;

/**
 * The longest training row a stage may have, in tokens (BOS + prompt + answer + EOS): the stage's
 * {@code maxSequenceLength} setting, at most what the model's positions allow.
 *
 * @param source what sets it, for messages
 */
public record SequenceLimit(int tokens, String source) {

    /** @param setting the stage's {@code maxSequenceLength}; 0 or less leaves the model's own limit */
    public static SequenceLimit of(int setting, LlamaConfig model) {
        int tokens = setting > 0 ? Math.min(setting, model.maxSequenceLength()) : model.maxSequenceLength();
        return new SequenceLimit(tokens, "settings.maxSequenceLength " + setting + ", model maximum "
                + model.maxSequenceLength());
    }
}
