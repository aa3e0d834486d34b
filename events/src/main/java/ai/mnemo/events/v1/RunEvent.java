package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Events of {@code mnemo.runs.v1}: the life of one run (one cell of the grid). */
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunPlanned.class, name = "RunPlanned"),
    @JsonSubTypes.Type(value = RunCompleted.class, name = "RunCompleted"),
    @JsonSubTypes.Type(value = RunFailed.class, name = "RunFailed")
})
public sealed interface RunEvent extends MnemoEvent, RunScoped permits RunPlanned, RunCompleted, RunFailed {
}
