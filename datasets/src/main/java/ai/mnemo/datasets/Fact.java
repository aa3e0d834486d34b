package ai.mnemo.datasets;

/**
 * One fact of a factoid dataset: a question and the answer the model must memorize.
 *
 * @param id stable id within its source (row number or the dataset's own id)
 */
public record Fact(String id, String question, String answer) {

    public Fact {
        if (id == null || question == null || answer == null) {
            throw new IllegalArgumentException("a fact needs an id, a question and an answer");
        }
    }
}
