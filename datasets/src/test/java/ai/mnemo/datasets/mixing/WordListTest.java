package ai.mnemo.datasets.mixing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordListTest {

    @Test
    void theShippedListHasTwoThousandDistinctLowercaseWordsInOrder() {
        List<String> words = WordList.standard().words();

        assertTrue(words.size() >= 2000, "size " + words.size());
        assertEquals(words.size(), new HashSet<>(words).size(), "no duplicates");
        for (String word : words) {
            assertTrue(word.matches("[a-z]+"), word);
        }
        assertEquals(words.stream().sorted().toList(), words, "sorted");
    }

    @Test
    void itsHashIsTheHashOfTheResourceBytes() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WordList.RESOURCE)) {
            bytes = in.readAllBytes();
        }
        assertEquals(Sha256.of(bytes), WordList.standard().sha256());
        assertEquals("classpath:" + WordList.RESOURCE, WordList.standard().source());
    }

    @Test
    void drawJoinsUniformDrawsWithSpaces() {
        WordList list = new WordList(List.of("alpha", "beta"), "test", "0");
        String drawn = list.draw(new Random(1), 200);
        String[] words = drawn.split(" ");

        assertEquals(200, words.length);
        long alphas = List.of(words).stream().filter("alpha"::equals).count();
        assertTrue(alphas > 60 && alphas < 140, "roughly half: " + alphas);
        assertEquals("", list.draw(new Random(1), 0));
    }
}
