package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Commands of {@code mnemo.training.jobs.v1}, consumed by the trainer fleet through one consumer group. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrainingJob.class, name = "TrainingJob")
})
public sealed interface TrainingCommand extends MnemoEvent, RunScoped permits TrainingJob {
}
