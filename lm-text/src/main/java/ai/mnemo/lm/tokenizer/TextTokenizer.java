package ai.mnemo.lm.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} loaded through DJL's tokenizers binding. Special tokens are never added
 * implicitly: the chat template places BOS and EOS itself, so training and generation see the same ids.
 */
public final class TextTokenizer implements AutoCloseable {

    public static final String FILE = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final byte[] definition;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, byte[] definition) {
        this.tokenizer = tokenizer;
        this.definition = definition;
    }

    /** Loads {@code tokenizer.json} from a checkpoint directory (or the file itself). */
    public static TextTokenizer load(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE) : dirOrFile;
        try {
            byte[] definition = Files.readAllBytes(file);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file, Map.of(
                    "addSpecialTokens", "false",
                    "truncation", "false",
                    "padding", "false"));
            return new TextTokenizer(tokenizer, definition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + file, e);
        }
    }

    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = Math.toIntExact(ids[i]);
        }
        return result;
    }

    /** Decodes ids to text, dropping special tokens. */
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, true);
    }

    /** Writes the same {@code tokenizer.json} into a checkpoint directory. */
    public void save(Path dir) {
        try {
            Files.write(dir.resolve(FILE), definition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tokenizer into " + dir, e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
