package ai.mnemo.events;

import ai.mnemo.events.v1.DatasetEvent;
import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.RunEvent;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of v1 and the sealed event type each one carries. Producers, consumers and tests share these
 * constants, so a topic is never spelled twice.
 */
public final class Topics {

    public static final String EXPERIMENTS = "mnemo.experiments.v1";
    public static final String RUNS = "mnemo.runs.v1";
    public static final String DATASETS = "mnemo.datasets.v1";
    /** Commands for the trainer fleet (one consumer group). */
    public static final String TRAINING_JOBS = "mnemo.training.jobs.v1";
    public static final String TRAINING = "mnemo.training.v1";
    /** Commands for the evaluator fleet (one consumer group). */
    public static final String EVAL_JOBS = "mnemo.eval.jobs.v1";
    public static final String EVAL = "mnemo.eval.v1";
    /**
     * Records no consumer could read or handle, as they were, with the reason in headers ({@code dead-letter-reason},
     * {@code dead-letter-topic}, ...). Not part of {@link #ALL}: it carries no event type of its own.
     */
    public static final String DEAD_LETTERS = "mnemo.dead-letters.v1";

    private static final Map<String, Class<? extends MnemoEvent>> TYPES = types();

    /** Every topic, in the order of the events catalogue. */
    public static final List<String> ALL = List.copyOf(TYPES.keySet());

    private Topics() {
    }

    private static Map<String, Class<? extends MnemoEvent>> types() {
        Map<String, Class<? extends MnemoEvent>> types = new LinkedHashMap<>();
        types.put(EXPERIMENTS, ExperimentEvent.class);
        types.put(RUNS, RunEvent.class);
        types.put(DATASETS, DatasetEvent.class);
        types.put(TRAINING_JOBS, TrainingCommand.class);
        types.put(TRAINING, TrainingEvent.class);
        types.put(EVAL_JOBS, EvalCommand.class);
        types.put(EVAL, EvalEvent.class);
        return types;
    }

    /** The topic an event is published to. */
    public static String of(MnemoEvent event) {
        return of(event.getClass());
    }

    /** The topic of an event record or of a topic's sealed interface. */
    public static String of(Class<? extends MnemoEvent> type) {
        for (Map.Entry<String, Class<? extends MnemoEvent>> entry : TYPES.entrySet()) {
            if (entry.getValue().isAssignableFrom(type)) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException(type.getName() + " belongs to no single topic");
    }

    /** The sealed type to decode a topic's records with, e.g. {@code TrainingCommand} for {@link #TRAINING_JOBS}. */
    public static Class<? extends MnemoEvent> eventType(String topic) {
        Class<? extends MnemoEvent> type = TYPES.get(topic);
        if (type == null) {
            throw new IllegalArgumentException("unknown topic '" + topic + "'; known: " + ALL);
        }
        return type;
    }
}
