package ai.mnemo.datasets.format;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.prepare.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's selected facts as prepared rows {@code fact-0 .. fact-(n-1)} in selection order: format {@code qa} puts
 * the question through the dataset's template with the gold answer as target; {@code multiple-choice} gives lettered
 * options ({@link MultipleChoice}).
 */
public final class FactRows {

    public static final String QA = "qa";
    public static final String MULTIPLE_CHOICE = "multiple-choice";
    public static final String ID_PREFIX = "fact-";

    private FactRows() {
    }

    /** @param pool every fact of the dataset, for multiple-choice distractors */
    public static List<PreparedRow> rows(String dataset, String format, Selection selection, List<Fact> pool) {
        List<PreparedRow> rows = new ArrayList<>(selection.size());
        if (QA.equals(format)) {
            for (int k = 0; k < selection.size(); k++) {
                Fact fact = selection.facts().get(k);
                rows.add(new PreparedRow(ID_PREFIX + k, Templates.user(dataset, fact.question()), fact.answer(),
                        PreparedRow.FACT));
            }
        } else if (MULTIPLE_CHOICE.equals(format)) {
            MultipleChoice choices = new MultipleChoice(pool);
            for (int k = 0; k < selection.size(); k++) {
                MultipleChoice.Choice choice = choices.format(selection.facts().get(k), selection.poolIndices().get(k));
                rows.add(new PreparedRow(ID_PREFIX + k, choice.user(), choice.target(), PreparedRow.FACT));
            }
        } else {
            throw new IllegalArgumentException("format " + format + " does not apply to " + dataset + " (qa or "
                    + "multiple-choice)");
        }
        return rows;
    }
}
