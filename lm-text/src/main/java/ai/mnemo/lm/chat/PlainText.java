package ai.mnemo.lm.chat;

import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordinary language-model format, for pretraining on plain passages: no chat template, BOS then the text, every
 * token after BOS scored. A passage longer than a window is cut into consecutive windows; the last window of a
 * passage ends with EOS.
 */
public final class PlainText {

    private final TextTokenizer tokenizer;
    private final int bos;
    private final int eos;

    public PlainText(TextTokenizer tokenizer, int bos, int eos) {
        this.tokenizer = tokenizer;
        this.bos = bos;
        this.eos = eos;
    }

    /** The passage as examples of at most {@code window} tokens each, BOS included. */
    public List<EncodedExample> windows(String passage, int window) {
        if (window < 3) {
            throw new IllegalArgumentException("a window needs room for BOS and two tokens, was " + window);
        }
        int[] text = tokenizer.encode(passage);
        int[] tokens = new int[text.length + 1];
        System.arraycopy(text, 0, tokens, 0, text.length);
        tokens[text.length] = eos;
        List<EncodedExample> examples = new ArrayList<>();
        int step = window - 1;
        for (int from = 0; from < tokens.length - 1; from += step) {
            int to = Math.min(tokens.length, from + step);
            int[] ids = new int[to - from + 1];
            ids[0] = bos;
            System.arraycopy(tokens, from, ids, 1, to - from);
            examples.add(new EncodedExample(ids, 1));
        }
        return examples;
    }
}
