package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Commands of {@code mnemo.eval.jobs.v1}, consumed by the evaluator fleet through one consumer group. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = EvalJob.class, name = "EvalJob"),
    @JsonSubTypes.Type(value = ProbeJob.class, name = "ProbeJob")
})
public sealed interface EvalCommand extends MnemoEvent permits EvalJob, ProbeJob {
}
