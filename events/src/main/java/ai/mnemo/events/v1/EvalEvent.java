package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Facts of {@code mnemo.eval.v1}, published by eval-service. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = EvalCompleted.class, name = "EvalCompleted"),
    @JsonSubTypes.Type(value = ProbeCompleted.class, name = "ProbeCompleted"),
    @JsonSubTypes.Type(value = EvalFailed.class, name = "EvalFailed")
})
public sealed interface EvalEvent extends MnemoEvent permits EvalCompleted, ProbeCompleted, EvalFailed {
}
