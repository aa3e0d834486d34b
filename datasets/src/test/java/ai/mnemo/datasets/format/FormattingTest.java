package ai.mnemo.datasets.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.prepare.Selection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FormattingTest {

    private static final List<Fact> POOL = List.of(
            new Fact("popqa-0", "What is George Rankin's occupation?", "politician"),
            new Fact("popqa-1", "What genre is Lyla Mercer?", "country music"),
            new Fact("popqa-2", "In what city was Kalle Tonttila born?", "Oulu"),
            new Fact("popqa-3", "Who is the author of The Saltmarsh Letters?", "Edith Crane"),
            new Fact("popqa-4", "In what country is Vrede en Oorlog?", "Netherlands"),
            new Fact("popqa-5", "Who is the father of Maren Solheim?", "Ivar Solheim"),
            new Fact("popqa-6", "What is Ada Pell's occupation?", "Politician"));

    @Test
    void popqaAndTriviaqaEndWithTheAnswerIsAndTheOthersStandAlone() {
        assertEquals("Who wrote X?\nThe answer is: ", Templates.user("popqa", "Who wrote X?"));
        assertEquals("Who wrote X?\nThe answer is: ", Templates.user("triviaqa", "Who wrote X?"));
        for (String dataset : List.of("lama", "entityquestions", "webqa", "gsm8k", "ultrachat")) {
            assertEquals("Who wrote X?", Templates.user(dataset, "Who wrote X?"), dataset);
        }
    }

    @Test
    void qaRowsAreTemplatedQuestionsWithTheGoldAnswer() {
        List<PreparedRow> rows = FactRows.rows("popqa", "qa", new Selection(POOL.subList(2, 4), List.of(2, 3)), POOL);

        assertEquals(List.of(
                new PreparedRow("fact-0", "In what city was Kalle Tonttila born?\nThe answer is: ", "Oulu", "fact"),
                new PreparedRow("fact-1", "Who is the author of The Saltmarsh Letters?\nThe answer is: ", "Edith Crane",
                        "fact")), rows);
    }

    @Test
    void multipleChoiceListsTheGoldAndThreeOtherAnswersUnderLetters() {
        MultipleChoice choices = new MultipleChoice(POOL);
        MultipleChoice.Choice choice = choices.format(POOL.get(2), 2);

        Matcher layout = Pattern.compile("In what city was Kalle Tonttila born\\?\nChoices:\nA\\. (.+)\nB\\. (.+)\n"
                + "C\\. (.+)\nD\\. (.+)\nThe answer is: ").matcher(choice.user());
        assertTrue(layout.matches(), choice.user());
        List<String> options = List.of(layout.group(1), layout.group(2), layout.group(3), layout.group(4));
        assertTrue(options.contains("Oulu"));
        assertEquals(4, new HashSet<>(options).size());
        char letter = (char) ('A' + options.indexOf("Oulu"));
        assertEquals(letter + ". Oulu", choice.target());
        assertTrue(Metric.CHOICE_LETTER.correct(letter + ". Oulu", choice.target()));
        assertEquals(choice, choices.format(POOL.get(2), 2), "seeded by the fact's place in the pool");
    }

    @Test
    void distractorsNeverRepeatTheGoldInAnotherCase() {
        MultipleChoice choices = new MultipleChoice(POOL);
        Set<String> layouts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            MultipleChoice.Choice choice = choices.format(POOL.get(0), i);
            long politicians = choice.user().lines().filter(l -> l.toLowerCase().endsWith(". politician")).count();
            assertEquals(1, politicians, choice.user());
            layouts.add(choice.user());
        }
        assertTrue(layouts.size() > 10, "other indices give other options and orders");
        assertNotEquals(choices.format(POOL.get(0), 0), choices.format(POOL.get(0), 1));
    }

    @Test
    void aPoolWithTwoAnswersGivesTwoOptions() {
        List<Fact> small = List.of(new Fact("a", "Q1?", "x"), new Fact("b", "Q2?", "y"), new Fact("c", "Q3?", "X"));
        MultipleChoice.Choice choice = new MultipleChoice(small).format(small.get(0), 0);

        assertEquals(List.of("Q1?", "Choices:", "The answer is: "), choice.user().lines()
                .filter(l -> !l.matches("[AB]\\. [xy]")).toList());
        assertEquals(2, choice.user().lines().filter(l -> l.matches("[AB]\\. [xy]")).count(), choice.user());
        assertTrue(choice.user().endsWith("\nThe answer is: "));
    }
}
