package ai.mnemo.events.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What every event carries. The {@code type} property on the wire is the record's simple name, so any topic's
 * payload can be told apart without knowing the Java class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ExperimentEvent.class),
    @JsonSubTypes.Type(RunEvent.class),
    @JsonSubTypes.Type(DatasetEvent.class),
    @JsonSubTypes.Type(TrainingCommand.class),
    @JsonSubTypes.Type(TrainingEvent.class),
    @JsonSubTypes.Type(EvalCommand.class),
    @JsonSubTypes.Type(EvalEvent.class)
})
public sealed interface MnemoEvent
        permits ExperimentEvent, RunEvent, DatasetEvent, TrainingCommand, TrainingEvent, EvalCommand, EvalEvent {

    /** A random UUID, so consumers can drop duplicates of an at-least-once delivery. */
    String eventId();

    Instant occurredAt();

    /** Absent only in an {@link ExperimentRejected} for an unreadable request. */
    String experimentId();

    /**
     * The Kafka record key: the run id when the event belongs to a run, so one run's events stay on one partition
     * and in order; otherwise the experiment id (null only for an unreadable request).
     */
    default String key() {
        if (this instanceof RunScoped scoped && scoped.runId() != null) {
            return scoped.runId();
        }
        return experimentId();
    }
}
