package ai.mnemo.lm.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@code tokenizer.json} of Mnemo's byte-level tokenizer: a byte-level BPE with no merges, so ids 0..255
 * are the bytes themselves and the special tokens follow. Any Hugging Face tokenizers runtime can load it.
 */
public final class ByteTokenizerDefinition {

    public static final int BOS = 256;
    public static final int EOS = 257;
    public static final int PAD = 258;
    public static final int UNK = 259;
    public static final int VOCAB_SIZE = 260;

    private static final List<String> SPECIALS = List.of("<s>", "</s>", "<pad>", "<unk>");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ByteTokenizerDefinition() {}

    public static void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < SPECIALS.size(); i++) {
            ObjectNode token = added.addObject();
            token.put("id", BOS + i);
            token.put("content", SPECIALS.get(i));
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
        }
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel(false));
        root.putNull("post_processor");
        root.set("decoder", byteLevel(false));
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.put("unk_token", "<unk>");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(byteToChar(b)), b);
        }
        for (int i = 0; i < SPECIALS.size(); i++) {
            vocab.put(SPECIALS.get(i), BOS + i);
        }
        model.putArray("merges");
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tokenizer " + file, e);
        }
    }

    private static ObjectNode byteLevel(boolean useRegex) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", false);
        node.put("trim_offsets", false);
        node.put("use_regex", useRegex);
        return node;
    }

    /** The GPT-2 byte-to-unicode map: printable bytes stand for themselves, the rest move to 256 and up. */
    static char byteToChar(int b) {
        boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        if (printable) {
            return (char) b;
        }
        int shifted = 0;
        for (int i = 0; i < b; i++) {
            boolean p = (i >= '!' && i <= '~') || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF);
            if (!p) {
                shifted++;
            }
        }
        return (char) (256 + shifted);
    }
}
