package ai.mnemo.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One row of a prepared stage dataset, as trainers and evaluators read it: a user turn and the assistant answer
 * (the training target; for facts also the gold answer of evaluation).
 *
 * @param id stable within the dataset ({@code fact-12}, {@code mix-3}, {@code replay-7})
 * @param part {@link #FACT}, {@link #MIXING} or {@link #REPLAY}: only facts are evaluated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreparedRow(String id, String user, String assistant, String part) {

    public static final String FACT = "fact";
    public static final String MIXING = "mixing";
    public static final String REPLAY = "replay";

    public PreparedRow {
        if (id == null || user == null || assistant == null) {
            throw new IllegalArgumentException("a prepared row needs an id, a user turn and an answer");
        }
        if (!FACT.equals(part) && !MIXING.equals(part) && !REPLAY.equals(part)) {
            throw new IllegalArgumentException("unknown row part " + part + " (fact, mixing, replay)");
        }
    }

    @JsonIgnore
    public boolean isFact() {
        return FACT.equals(part);
    }
}
