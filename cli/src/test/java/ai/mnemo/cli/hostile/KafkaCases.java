package ai.mnemo.cli.hostile;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The Kafka half of the hostile-input suite: raw records on every topic, each read by every group of the topic. */
final class KafkaCases {

    /** Consumer groups per topic (docs/events.md): results-service reads all; data-service, the fleets their own. */
    private static final Map<String, Integer> GROUPS = Map.of(
            Topics.EXPERIMENTS, 2, Topics.RUNS, 1, Topics.DATASETS, 1, Topics.TRAINING_JOBS, 2, Topics.TRAINING, 2,
            Topics.EVAL_JOBS, 2, Topics.EVAL, 2);

    private KafkaCases() {
    }

    static Stream<KafkaCase> all() {
        List<KafkaCase> cases = new ArrayList<>();
        for (String topic : Topics.ALL) {
            cases.add(dead("not JSON", topic, bytes("this is not JSON"), "malformed document"));
            cases.add(dead("not UTF-8", topic, new byte[] {'{', '"', 't', (byte) 0xFF, '"', '}'}, "not valid UTF-8"));
            cases.add(new KafkaCase("a type from a later version", topic, bytes("{\"type\":\"FromTheFuture\","
                    + "\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                    + "\"experimentId\":\"x\",\"runId\":\"r\",\"stageIndex\":0}"), GROUPS.get(topic), true, ""));
        }
        String experiment = UUID.randomUUID().toString();
        String run = UUID.randomUUID().toString();
        cases.add(dead("an empty record", Topics.EVAL, new byte[0], "empty record"));
        cases.add(dead("an event of another topic", Topics.RUNS, encode(TrainingFailed.of(experiment, run, 0, 0,
                "x")), "unknown type 'TrainingFailed'"));
        cases.add(dead("a negative stage index", Topics.TRAINING, swap(StageCompleted.of(experiment, run, 0, 0,
                "file:/c", 1, 1, 0.5, "memorized", 1, 1), "\"stageIndex\":0", "\"stageIndex\":-1"),
                "stageIndex must be between 0 and 999"));
        cases.add(dead("a stage index of two billion", Topics.DATASETS, swap(DatasetFailed.of(experiment, run, 0,
                "kvr:A", "x", null), "\"stageIndex\":0", "\"stageIndex\":2000000000"), "stageIndex must be between"));
        cases.add(dead("a loss of 1e400", Topics.TRAINING, swap(StageCompleted.of(experiment, run, 0, 0, "file:/c",
                1, 1, 0.5, "memorized", 1, 1), "\"finalLoss\":0.5", "\"finalLoss\":1e400"), "finite number"));
        cases.add(dead("a quoted stage index", Topics.EVAL, swap(EvalCompleted.of(experiment, run, 0,
                "file:/c", List.of(), 1.0), "\"stageIndex\":0", "\"stageIndex\":\"0\""), "a string"));
        cases.add(dead("a negative attempt", Topics.TRAINING_JOBS, swap(TrainingJob.of(experiment, run, 0, 0,
                ModelRef.preset("tiny", 0), "file:/d", "file:/c", job()), "\"attempt\":0", "\"attempt\":-1"), "attempt must not be negative"));
        cases.add(dead("an eval job of stage -5", Topics.EVAL_JOBS, swap(EvalJob.of(experiment, run, 0, "file:/c",
                List.of(new EvalTarget(0, "kvr:A", "file:/a", "exact-match", 16)), "file:/o"), "\"stageIndex\":0",
                "\"stageIndex\":-5"), "stageIndex must be between"));
        cases.add(dead("a run failure without its run", Topics.RUNS, swap(RunFailed.of(experiment, run, 0, "x"),
                "\"runId\":\"" + run + "\",", ""), "runId"));
        cases.add(dead("a request whose spec is not an object", Topics.EXPERIMENTS, bytes("{\"type\":"
                + "\"ExperimentRequested\",\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":"
                + "\"2026-01-01T00:00:00Z\",\"experimentId\":\"" + experiment + "\",\"spec\":[1,2]}"),
                "expected an object"));
        return cases.stream();
    }

    /** An ExperimentRequested for {@code specJson}, as any producer may publish it. */
    static byte[] request(String experimentId, String specJson) {
        return encode(ExperimentRequested.of(experimentId, ExperimentSpecs.parse(specJson), "kafka-suite"));
    }

    private static KafkaCase dead(String name, String topic, byte[] value, String reason) {
        return new KafkaCase(name, topic, value, GROUPS.get(topic), false, reason);
    }

    private static byte[] swap(MnemoEvent event, String from, String to) {
        String json = EventCodec.encode(event);
        if (!json.contains(from)) {
            throw new IllegalArgumentException("'" + from + "' is not in " + json);
        }
        return bytes(json.replace(from, to));
    }

    private static byte[] encode(MnemoEvent event) {
        return bytes(EventCodec.encode(event));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ai.mnemo.events.v1.TrainingSettings job() {
        return ExperimentSpecs.parse(RestCases.VALID_SPEC).resolve().stages().get(0).training()
                .toSettings(0, new ai.mnemo.events.v1.StoppingRule("memorized", 10, 1e-4, 10));
    }
}
