package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Events of {@code mnemo.experiments.v1}: an experiment is requested, then planned or rejected; it may be cancelled. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExperimentRequested.class, name = "ExperimentRequested"),
    @JsonSubTypes.Type(value = ExperimentPlanned.class, name = "ExperimentPlanned"),
    @JsonSubTypes.Type(value = ExperimentRejected.class, name = "ExperimentRejected"),
    @JsonSubTypes.Type(value = ExperimentCancelled.class, name = "ExperimentCancelled")
})
public sealed interface ExperimentEvent extends MnemoEvent
        permits ExperimentRequested, ExperimentPlanned, ExperimentRejected, ExperimentCancelled {
}
