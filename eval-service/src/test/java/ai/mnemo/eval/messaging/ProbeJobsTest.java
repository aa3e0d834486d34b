package ai.mnemo.eval.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.probe.ProbeFiles;
import ai.mnemo.datasets.probe.ProbeResult;
import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.ProbeCompleted;
import ai.mnemo.events.v1.ProbeJob;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import ai.mnemo.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The known-fact filter through the real broker: ProbeJobs in, ProbeCompleted / EvalFailed out. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ProbeJobsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @InjectKafkaBootstrapServers
    String kafka;

    @Inject
    ArtifactStore store;

    private ProbeJob job(String probeId, List<Fact> candidates, int fewShot, String metric) {
        Path dir = store.probe(probeId);
        ProbeFiles.writeCandidates(dir.resolve("candidates.jsonl"), candidates);
        return ProbeJob.of("exp-" + probeId, probeId, ModelRef.preset("tiny", 0),
                store.uri(dir.resolve("candidates.jsonl")), fewShot, 20, metric, store.uri(dir.resolve("result.jsonl")));
    }

    private static List<EvalEvent> await(KafkaTestClient client, String probeId, int count) {
        List<String> values = client.poll(Topics.EVAL, v -> v.contains("\"probeId\":\"" + probeId + "\""), count,
                TIMEOUT);
        assertEquals(count, values.size(), "events of probe " + probeId + ": " + values);
        return values.stream().map(v -> EventCodec.decode(v, EvalEvent.class)).toList();
    }

    @Test
    void aProbeJudgesEveryCandidateAfterTheDemonstrationsAndARerunAgrees() throws Exception {
        String probeId = UUID.randomUUID().toString();
        ProbeJob job = job(probeId, KvrFacts.generate(41, 12), 4, "exact-match");
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.EVAL_JOBS, job.experimentId(), EventCodec.encode(job));
            ProbeCompleted done = assertInstanceOf(ProbeCompleted.class, await(client, probeId, 1).get(0));

            assertEquals(8, done.candidates(), "12 candidates, 4 of them demonstrations");
            assertEquals(8, done.known() + done.unknown());
            assertEquals(job.outputUri(), done.resultUri());
            Path result = store.path(done.resultUri());
            List<ProbeResult> verdicts = ProbeFiles.readResults(result);
            assertEquals(KvrFacts.generate(41, 12).subList(4, 12).stream().map(Fact::id).toList(),
                    verdicts.stream().map(ProbeResult::id).toList());
            assertEquals(done.known(), (int) verdicts.stream().filter(ProbeResult::known).count());
            assertTrue(verdicts.stream().noneMatch(v -> v.prediction().contains("\n")), "first line only");
            assertTrue(Files.isDirectory(store.preset("tiny", 0)), "the preset was materialized for the probe");

            byte[] first = Files.readAllBytes(result);
            client.publish(Topics.EVAL_JOBS, job.experimentId(), EventCodec.encode(job));
            ProbeCompleted again = assertInstanceOf(ProbeCompleted.class, await(client, probeId, 2).get(1));
            assertEquals(done.known(), again.known());
            assertEquals(new String(first), Files.readString(result), "greedy: the same verdicts");
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mnemo_eval_probes_total{outcome=\"completed\"}"));
    }

    @Test
    void aBadProbeFailsWithItsIdAndTheNextOneStillCompletes() {
        String bad = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        try (KafkaTestClient client = new KafkaTestClient(kafka)) {
            client.publish(Topics.EVAL_JOBS, "exp", EventCodec.encode(job(bad, KvrFacts.generate(1, 4), 1, "bleu")));
            client.publish(Topics.EVAL_JOBS, "exp", "{\"type\":\"ProbeJob\",\"experimentId\":\"exp\",\"probeId\":\""
                    + unreadable + "\",\"fewShot\":\"many\"}");
            client.publish(Topics.EVAL_JOBS, "exp", EventCodec.encode(job(good, KvrFacts.generate(2, 3), 2, "exact-match")));

            EvalFailed metric = assertInstanceOf(EvalFailed.class, await(client, bad, 1).get(0));
            assertEquals(bad, metric.probeId());
            assertEquals(null, metric.runId());
            assertTrue(metric.reason().startsWith("metric: unknown metric 'bleu'"), metric.reason());
            EvalFailed broken = assertInstanceOf(EvalFailed.class, await(client, unreadable, 1).get(0));
            assertTrue(broken.reason().startsWith("the ProbeJob could not be read"), broken.reason());
            ProbeCompleted next = assertInstanceOf(ProbeCompleted.class, await(client, good, 1).get(0));
            assertEquals(1, next.candidates());
        }
    }
}
