package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Facts of {@code mnemo.training.v1}, published by the trainer working on a job. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrainingStarted.class, name = "TrainingStarted"),
    @JsonSubTypes.Type(value = TrainingProgress.class, name = "TrainingProgress"),
    @JsonSubTypes.Type(value = StageCompleted.class, name = "StageCompleted"),
    @JsonSubTypes.Type(value = TrainingFailed.class, name = "TrainingFailed")
})
public sealed interface TrainingEvent extends MnemoEvent, RunScoped
        permits TrainingStarted, TrainingProgress, StageCompleted, TrainingFailed {

    int stageIndex();
}
