package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Events of {@code mnemo.datasets.v1}: a stage's dataset was prepared, or could not be. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = DatasetPrepared.class, name = "DatasetPrepared"),
    @JsonSubTypes.Type(value = DatasetFailed.class, name = "DatasetFailed")
})
public sealed interface DatasetEvent extends MnemoEvent, RunScoped permits DatasetPrepared, DatasetFailed {

    int stageIndex();
}
