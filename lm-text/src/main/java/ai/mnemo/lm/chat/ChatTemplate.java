package ai.mnemo.lm.chat;

import ai.mnemo.lm.tokenizer.TextTokenizer;

/**
 * The Tulu chat format of the paper: {@code <|user|>\n{user}\n<|assistant|>\n{answer}{eos}}, preceded by BOS.
 *
 * <p>Prompt and answer are tokenized separately and concatenated, so the prompt a model is evaluated on is
 * token-for-token the prefix it was trained on (joint tokenization could merge tokens across the boundary).
 */
public final class ChatTemplate {

    private final TextTokenizer tokenizer;
    private final int bos;
    private final int eos;

    public ChatTemplate(TextTokenizer tokenizer, int bos, int eos) {
        this.tokenizer = tokenizer;
        this.bos = bos;
        this.eos = eos;
    }

    /** The text before the answer. */
    public static String promptText(String user) {
        return "<|user|>\n" + user + "\n<|assistant|>\n";
    }

    public int eos() {
        return eos;
    }

    /** BOS + prompt tokens. */
    public int[] prompt(String user) {
        int[] text = tokenizer.encode(promptText(user));
        int[] ids = new int[text.length + 1];
        ids[0] = bos;
        System.arraycopy(text, 0, ids, 1, text.length);
        return ids;
    }

    public EncodedExample encode(ChatExample example) {
        int[] prompt = prompt(example.user());
        int[] answer = tokenizer.encode(example.assistant());
        int[] ids = new int[prompt.length + answer.length + 1];
        System.arraycopy(prompt, 0, ids, 0, prompt.length);
        System.arraycopy(answer, 0, ids, prompt.length, answer.length);
        ids[ids.length - 1] = eos;
        return new EncodedExample(ids, prompt.length);
    }

    public String decode(int[] ids) {
        return tokenizer.decode(ids);
    }
}
