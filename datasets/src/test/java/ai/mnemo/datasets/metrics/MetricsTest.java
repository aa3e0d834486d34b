package ai.mnemo.datasets.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void exactMatchStripsAndLowercasesOnly() {
        assertTrue(Metric.EXACT_MATCH.correct("  0AMXE2NF\n", "0amxe2nf"));
        assertFalse(Metric.EXACT_MATCH.correct("0AMXE2NF.", "0AMXE2NF"));
        assertFalse(Metric.EXACT_MATCH.correct("The answer is Paris", "Paris"));
    }

    @Test
    void exactMatchRejectsAPredictionByItsStartOnlyWhenNoEndingCanSaveIt() {
        assertTrue(Metric.EXACT_MATCH.couldStillMatch("  0am", "0AMXE2NF"));
        assertFalse(Metric.EXACT_MATCH.couldStillMatch("0AN", "0AMXE2NF"));
        assertTrue(Metric.EXACT_MATCH.couldStillMatch("0AMXE2NF \n", "0amxe2nf"), "trailing blanks may end it");
        assertFalse(Metric.EXACT_MATCH.couldStillMatch("0AMXE2NF x", "0AMXE2NF"));
        assertTrue(Metric.EXACT_MATCH.couldStillMatch(" \t", "0AMXE2NF"), "nothing judged yet");
        assertTrue(Metric.EXACT_MATCH.couldStillMatch("\u00c9", "x"), "not ASCII: unsure");
        assertTrue(Metric.SUBSTRING.couldStillMatch("zzz", "Paris"), "other metrics never rule out early");
    }

    /** Soundness: every start of a prediction the metric accepts could still match. */
    @Test
    void everyStartOfAnAcceptedPredictionCouldStillMatch() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "aAbB0 \t.";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder gold = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                gold.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder prediction = new StringBuilder();
            for (int i = random.nextInt(3); i > 0; i--) {
                prediction.append(random.nextBoolean() ? ' ' : '\n');
            }
            for (char c : gold.toString().strip().toCharArray()) {
                prediction.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                prediction.append(random.nextBoolean() ? ' ' : '\t');
            }
            assertTrue(Metric.EXACT_MATCH.correct(prediction.toString(), gold.toString()), "precondition");
            for (int end = 0; end <= prediction.length(); end++) {
                assertTrue(Metric.EXACT_MATCH.couldStillMatch(prediction.substring(0, end), gold.toString()),
                        "'" + prediction.substring(0, end) + "' of '" + prediction + "' for '" + gold + "'");
            }
        }
    }

    @Test
    void substringIsPredictionInGold() {
        assertTrue(Metric.SUBSTRING.correct("Paris", "Paris, France"));
        assertFalse(Metric.SUBSTRING.correct("Paris, France", "Paris"), "pred in gold, not gold in pred");
        assertFalse(Metric.SUBSTRING.correct("  ", "Paris"), "an empty prediction is never right");
    }

    @Test
    void lastNumberComparesValues() {
        assertTrue(Metric.LAST_NUMBER.correct("3 + 4 = 7, so the answer is 1,200.", "#### 1200"));
        assertTrue(Metric.LAST_NUMBER.correct("-2.50", "-2.5"));
        assertFalse(Metric.LAST_NUMBER.correct("42 then 41", "42"));
        assertFalse(Metric.LAST_NUMBER.correct("no number", "5"));
    }

    @Test
    void choiceLetterParsesTheLetter() {
        assertTrue(Metric.CHOICE_LETTER.correct("B. Paris", "B. Paris"));
        assertTrue(Metric.CHOICE_LETTER.correct("(b) something else", "B. Paris"));
        assertFalse(Metric.CHOICE_LETTER.correct("C. Lyon", "B. Paris"));
        assertFalse(Metric.CHOICE_LETTER.correct("Because", "B. Paris"), "a word starting with B is no letter");
    }

    @Test
    void namesAreTheSpecNames() {
        assertEquals(Metric.LAST_NUMBER, Metric.named("last-number"));
        assertThrows(IllegalArgumentException.class, () -> Metric.named("bleu"));
    }

    @Test
    void rougeLAgainstHandComputedValues() {
        // LCS("the cat sat on the mat", "the cat is on the mat") = the cat on the mat = 5; P = R = 5/6.
        assertEquals(5.0 / 6, RougeL.f1("the cat sat on the mat", "the cat is on the mat"), 1e-12);
        // pred 2 tokens, ref 4 tokens, LCS 2: P = 1, R = 0.5, F1 = 2/3.
        assertEquals(2.0 / 3, RougeL.f1("Paris France", "paris is in france"), 1e-12);
        assertEquals(1.0, RougeL.f1("0AMXE2NF", "0amxe2nf"), 1e-12);
        assertEquals(0.0, RougeL.f1("", "anything"));
        assertEquals(0.0, RougeL.f1("red", "blue"));
        // punctuation separates tokens: "U.S.-based" -> u s base (stemmed), the same on both sides
        assertEquals(1.0, RougeL.f1("U.S.-based", "u s based"), 1e-12);
    }

    @Test
    void rougeLStemsTokensLongerThanThreeCharacters() {
        // the cat(s) are run(ning) / a cat run(s): LCS = cat run = 2; P = 2/4, R = 2/3, F1 = 2PR/(P+R) = 4/7.
        assertEquals(4.0 / 7, RougeL.f1("the cats are running", "a cat runs"), 1e-12);
        // he plai(ed) happili / she plai(s) happili: LCS 2 of 3 on each side, F1 = 2/3 (unstemmed: 1/3).
        assertEquals(2.0 / 3, RougeL.f1("He played happily.", "She plays happily"), 1e-12);
        // its (3 characters, kept) tail(s) / it tail: LCS = tail = 1, P = R = 1/2. Stemming "its" too would give 1.
        assertEquals(0.5, RougeL.f1("its tails", "it tail"), 1e-12);
        // connect(ed|ion|ing) all stem to "connect": LCS 3 of 3.
        assertEquals(1.0, RougeL.f1("connected connection connecting", "connect connects connect"), 1e-12);
    }

    @Test
    void rougeLStemsWithTheOriginalPorterAlgorithm() {
        // Snowball's Porter keeps "days" apart from "day" (dai vs day) where NLTK's default mode, which rouge_score
        // uses, joins them (docs/science.md lists such words): this pins the stemmer Mnemo documents.
        assertEquals(0.0, RougeL.f1("days", "day"));
        assertEquals(1.0, RougeL.f1("news", "new"), 1e-12);
    }

    @Test
    void rougeLIsSafeToCallFromManyThreads() {
        double[] scores = IntStream.range(0, 2000).parallel()
                .mapToDouble(i -> RougeL.f1(i % 2 == 0 ? "the cats are running" : "connected relational databases",
                        i % 2 == 0 ? "a cat runs" : "connect relations database"))
                .toArray();
        for (int i = 0; i < scores.length; i++) {
            assertEquals(i % 2 == 0 ? 4.0 / 7 : 1.0, scores[i], 1e-12, "call " + i);
        }
    }
}
