package ai.mnemo.lm.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.lm.chat.ChatExample;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mnemo's byte tokenizer, loaded through the Hugging Face tokenizers runtime: ids are the UTF-8 bytes. */
class ByteTokenizerTest {

    @Test
    void idsAreTheUtf8BytesAndDecodeBack(@TempDir Path dir) {
        ByteTokenizerDefinition.write(dir.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            String text = "The value of key C62G3AUT is?\n<|assistant|>\n héllo ✓";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int[] expected = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                expected[i] = bytes[i] & 0xFF;
            }
            assertArrayEquals(expected, tokenizer.encode(text));
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
            assertEquals("ab", tokenizer.decode(new int[] {ByteTokenizerDefinition.BOS, 'a', 'b',
                    ByteTokenizerDefinition.EOS}), "special tokens are dropped when decoding");
        }
    }

    @Test
    void chatTemplateScoresOnlyTheAnswerAndEos(@TempDir Path dir) {
        ByteTokenizerDefinition.write(dir.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            ChatTemplate template = new ChatTemplate(tokenizer, ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS);
            EncodedExample example = template.encode(new ChatExample("Q?", "A1"));
            String prompt = "<|user|>\nQ?\n<|assistant|>\n";
            assertEquals(1 + prompt.length(), example.promptLength());
            assertEquals(ByteTokenizerDefinition.BOS, example.tokens()[0]);
            assertEquals('A', example.tokens()[example.promptLength()]);
            assertEquals(ByteTokenizerDefinition.EOS, example.tokens()[example.length() - 1]);
            assertArrayEquals(template.prompt("Q?"), example.prompt());
        }
    }
}
