package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.data.plan.Specs;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The memorized gate, and failures reported by the trainer or the evaluator, end runs with RunFailed. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class GateTest {

    static final String SPEC = """
            name: gated
            model: {preset: tiny}
            stages:
              - dataset: {name: kvr, split: A, size: 10}
                gate: memorized
              - dataset: {name: kvr, split: B, size: 10}
            training: {stopping: {rule: memorized, epochs: 300}}
            grid:
              methods:
                - name: naive
              seeds: [0, 1, 2]
            """;

    @InjectKafkaBootstrapServers
    String kafka;

    @Test
    void theGateFailsARunBelowOneHundredPercentAndOpensAtIt() {
        String id = UUID.randomUUID().toString();
        try (Broker broker = new Broker(kafka)) {
            broker.publish(ExperimentRequested.of(id, Specs.valid(SPEC), "test"));
            Map<String, String> runIds = broker.await(RunPlanned.class, 3, e -> id.equals(e.experimentId())).stream()
                    .collect(Collectors.toMap(RunPlanned::label, RunPlanned::runId));
            String halfway = runIds.get("naive/seed0");
            String memorized = runIds.get("naive/seed1");
            String broken = runIds.get("naive/seed2");
            Map<String, TrainingJob> jobs = broker.await(TrainingJob.class, 3, e -> id.equals(e.experimentId()))
                    .stream().collect(Collectors.toMap(TrainingJob::runId, Function.identity()));
            assertEquals("memorized", jobs.get(halfway).settings().stopping().rule());
            assertEquals(300, jobs.get(halfway).settings().stopping().epochs());

            // Every stage 0 completes; the gate holds stage 1 back until evaluation.
            for (String runId : List.of(halfway, memorized, broken)) {
                broker.publish(StageCompleted.of(id, runId, 0, 1, jobs.get(runId).checkpointUri(), 40, 120, 0.001,
                        "memorized", 5, 100));
            }
            broker.await(EvalJob.class, 3, e -> id.equals(e.experimentId()) && e.stageIndex() == 0);
            assertEquals(0, broker.within(TrainingJob.class, 1, e -> id.equals(e.experimentId()) && e.stageIndex() == 1)
                    .size(), "the gate is shut until evaluation reports");

            broker.publish(EvalCompleted.of(id, halfway, 0, jobs.get(halfway).checkpointUri(),
                    List.of(new EvalResult(0, "kvr:A", "exact-match", 10, 5, 0.5, 0.8, "file:/p/0.jsonl")), 1));
            broker.publish(EvalCompleted.of(id, memorized, 0, jobs.get(memorized).checkpointUri(),
                    List.of(new EvalResult(0, "kvr:A", "exact-match", 10, 10, 1.0, 1.0, "file:/p/0.jsonl")), 1));
            broker.publish(EvalFailed.ofRun(id, broken, 0, "checkpoint unreadable: config.json is missing"));

            RunFailed gateFailed = broker.awaitOne(RunFailed.class, e -> halfway.equals(e.runId()));
            assertEquals(0, gateFailed.stageIndex());
            assertEquals("stage 0 reached 50% exact match on its own facts; the memorized gate needs 100%: train"
                    + " longer (stopping.epochs) or raise the learning rate", gateFailed.reason());

            TrainingJob next = broker.awaitOne(TrainingJob.class, e -> memorized.equals(e.runId()) && e.stageIndex() == 1);
            assertEquals(ModelRef.uri(jobs.get(memorized).checkpointUri()), next.model());

            RunFailed evalFailed = broker.awaitOne(RunFailed.class, e -> broken.equals(e.runId()));
            assertEquals(0, evalFailed.stageIndex());
            assertTrue(evalFailed.reason().contains("config.json is missing"), evalFailed.reason());
            assertEquals(1, broker.within(TrainingJob.class, 2, e -> id.equals(e.experimentId()) && e.stageIndex() == 1)
                    .size(), "only the memorized run goes on");

            // The trainer gives up on the open run's stage 1.
            broker.publish(TrainingFailed.of(id, memorized, 1, 1, "stage 1 reached the epoch cap (300) at 80% exact match"));
            RunFailed trainingFailed = broker.awaitOne(RunFailed.class, e -> memorized.equals(e.runId()));
            assertEquals(1, trainingFailed.stageIndex());
            assertTrue(trainingFailed.reason().contains("epoch cap (300)"), trainingFailed.reason());
        }
    }
}
