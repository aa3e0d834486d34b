package ai.mnemo.lm.chat;

/**
 * Token ids of one example, {@code BOS + prompt + answer + EOS}; the loss covers the answer and EOS, i.e. every
 * token from {@code promptLength} on.
 */
public record EncodedExample(int[] tokens, int promptLength) {

    public EncodedExample {
        if (promptLength < 1 || promptLength >= tokens.length) {
            throw new IllegalArgumentException("an encoded example needs a prompt and at least one answer token");
        }
    }

    /** The prompt alone, as fed to generation. */
    public int[] prompt() {
        return java.util.Arrays.copyOf(tokens, promptLength);
    }

    public int length() {
        return tokens.length;
    }
}
