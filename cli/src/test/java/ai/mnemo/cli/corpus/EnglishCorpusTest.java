package ai.mnemo.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus readers on lines shaped as Debian's bible-kjv and wordnet-base print and ship them. */
class EnglishCorpusTest {

    @Test
    void versesAreGroupedIntoOnePassagePerChapter() {
        List<Passage> chapters = KingJamesBible.group(List.of(
                "Ge1:1 In the beginning God created the heaven and the earth.",
                "Ge1:2 And the earth was without form, and void.",
                "Ge2:1 Thus the heavens and the earth were finished.",
                "",
                "1Sm1:1 Now there was a certain man."));

        assertEquals(List.of("kjv-Ge1", "kjv-Ge2", "kjv-1Sm1"), chapters.stream().map(Passage::id).toList());
        assertEquals("In the beginning God created the heaven and the earth. And the earth was without form, and void.",
                chapters.get(0).text());
        assertEquals("kjv", chapters.get(2).source());
    }

    @Test
    void aSynsetLineBecomesItsFirstWordAndItsGloss() {
        assertEquals("physical entity: an entity that has physical existence.", WordNetGlosses.definition(
                "00001930 03 n 01 physical_entity 0 007 @ 00001740 n 0000 | an entity that has physical existence  "));
        assertEquals("aback: by surprise; \"taken aback by the news\".", WordNetGlosses.definition(
                "00071038 02 r 01 aback(p) 0 000 | by surprise; \"taken aback by the news\"  "));
        assertNull(WordNetGlosses.definition("  1 This software and database is being provided to you"),
                "the licence header");
    }

    @Test
    void definitionsAreJoinedIntoPassagesOfAboutTwoHundredWords() {
        String line = "00000001 03 n 01 word 0 000 | " + "gloss ".repeat(49).strip();
        List<Passage> passages = WordNetGlosses.group("noun", java.util.Collections.nCopies(9, line));

        assertEquals(3, passages.size(), "four definitions of 50 words make a passage; the rest are the last one");
        assertEquals("wordnet-noun-0", passages.get(0).id());
        assertEquals(4 * 50, passages.get(0).text().split(" ").length);
    }
}
