package ai.mnemo.lm.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextTest {

    @Test
    void aPassageIsCutIntoWindowsThatEachStartWithBosAndTheLastEndsWithEos(@TempDir Path dir) {
        ByteTokenizerDefinition.write(dir.resolve(TextTokenizer.FILE));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            PlainText plain = new PlainText(tokenizer, ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS);
            List<EncodedExample> windows = plain.windows("abcdefg", 4); // 7 bytes + EOS in steps of 3
            assertEquals(3, windows.size());
            assertArrayEquals(new int[] {256, 'a', 'b', 'c'}, windows.get(0).tokens());
            assertArrayEquals(new int[] {256, 'd', 'e', 'f'}, windows.get(1).tokens());
            assertArrayEquals(new int[] {256, 'g', 257}, windows.get(2).tokens());
            windows.forEach(w -> assertEquals(1, w.promptLength(), "every token after BOS is scored"));
        }
    }
}
