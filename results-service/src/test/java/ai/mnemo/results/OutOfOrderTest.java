package ai.mnemo.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.results.messaging.EventIntake;
import ai.mnemo.results.service.LineageRecorder;
import ai.mnemo.results.service.Outcome;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Topics are read independently, so any order of a lineage's events must end in the same rows: children before
 * parents (placeholders), late starts after completions (statuses only move forward). Applies the events straight
 * to the recorder, in order and in other orders, and compares the resulting lineages.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OutOfOrderTest {

    @Inject
    LineageRecorder recorder;

    @Inject
    EventIntake intake;

    @Test
    void reverseOrderGivesTheSameLineage() {
        SyntheticLineage inOrder = SyntheticLineage.fresh();
        SyntheticLineage reversed = SyntheticLineage.fresh();
        apply(inOrder.events());
        List<MnemoEvent> events = new ArrayList<>(reversed.events());
        Collections.reverse(events);
        apply(events);

        assertEquals(normalized(inOrder), normalized(reversed));
        assertEquals(RowCounts.of(inOrder.experimentId), RowCounts.of(reversed.experimentId));
    }

    @Test
    void shuffledOrdersGiveTheSameLineage() {
        SyntheticLineage inOrder = SyntheticLineage.fresh();
        apply(inOrder.events());
        Random random = new Random(42);
        for (int trial = 0; trial < 3; trial++) {
            SyntheticLineage shuffled = SyntheticLineage.fresh();
            List<MnemoEvent> events = new ArrayList<>(shuffled.events());
            Collections.shuffle(events, random);
            apply(events);
            assertEquals(normalized(inOrder), normalized(shuffled), "shuffle " + trial);
        }
    }

    /**
     * Like the service itself: one thread per topic, each in its topic's order, all at once. They race to create
     * the same placeholders and to update the same stage row; no update may be lost.
     */
    @Test
    void topicsConsumedConcurrentlyGiveTheSameLineage() throws Exception {
        SyntheticLineage reference = SyntheticLineage.fresh();
        apply(reference.events());
        for (int trial = 0; trial < 5; trial++) {
            SyntheticLineage concurrent = SyntheticLineage.fresh();
            Map<String, List<MnemoEvent>> byTopic = concurrent.events().stream()
                    .collect(Collectors.groupingBy(Topics::of));
            ExecutorService threads = Executors.newFixedThreadPool(byTopic.size());
            try {
                List<Future<List<Outcome>>> done = new ArrayList<>();
                for (Map.Entry<String, List<MnemoEvent>> topic : byTopic.entrySet()) {
                    done.add(threads.submit(() -> topic.getValue().stream()
                            .map(e -> intake.accept(topic.getKey(), e))
                            .toList()));
                }
                for (Future<List<Outcome>> outcomes : done) {
                    outcomes.get(60, TimeUnit.SECONDS).forEach(o -> assertEquals(Outcome.STORED, o));
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(normalized(reference), normalized(concurrent), "trial " + trial);
        }
    }

    @Test
    void anEventAppliedTwiceIsADuplicate() {
        MnemoEvent first = SyntheticLineage.fresh().events().get(0);
        assertEquals(Outcome.STORED, recorder.record(Topics.EXPERIMENTS, first));
        assertEquals(Outcome.DUPLICATE, recorder.record(Topics.EXPERIMENTS, first));
    }

    private void apply(List<MnemoEvent> events) {
        for (MnemoEvent event : events) {
            assertEquals(Outcome.STORED, recorder.record(Topics.of(event), event), event.toString());
        }
    }

    /** The lineage as JSON with this lineage's ids replaced by placeholders, so two lineages can be compared. */
    private static String normalized(SyntheticLineage lineage) {
        String body = given().get("/api/experiments/{id}", lineage.experimentId).then()
                .statusCode(200).extract().asString();
        return body.replace(lineage.runId, "RUN").replace(lineage.experimentId, "EXPERIMENT");
    }
}
