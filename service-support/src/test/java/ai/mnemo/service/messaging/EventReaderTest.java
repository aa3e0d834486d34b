package ai.mnemo.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.RunEvent;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.service.messaging.EventReader.Disposition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** What the one consumer skeleton does with each kind of record: handle, ignore, dead-letter or leave. */
class EventReaderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventReader reader = new EventReader(registry);

    /** A record that remembers whether it was acked, or nacked and why. */
    private static final class Probe {
        boolean acked;
        Throwable nacked;

        Message<byte[]> of(byte[] payload) {
            return Message.of(payload).withAck(() -> {
                acked = true;
                return CompletableFuture.completedFuture(null);
            }).withNack(reason -> {
                nacked = reason;
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    @Test
    void aReadableEventIsHandledThenAcknowledged() {
        Probe probe = new Probe();
        List<RunEvent> handled = new ArrayList<>();
        reader.<RunEvent>read(probe.of(bytes(EventCodec.encode(RunFailed.of("e", "r", 0, "x")))), Topics.RUNS,
                handled::add);
        assertEquals(1, handled.size());
        assertTrue(probe.acked);
        assertNull(probe.nacked);
        assertEquals(1.0, registry.counter("mnemo.records", "outcome", "handled", "topic", Topics.RUNS).count());
    }

    @Test
    void anUnknownTypeIsAcknowledgedWithoutHandling() {
        Probe probe = new Probe();
        List<RunEvent> handled = new ArrayList<>();
        reader.<RunEvent>read(probe.of(bytes("{\"type\":\"RunPaused\",\"runId\":\"r\"}")), Topics.RUNS,
                handled::add);
        assertTrue(handled.isEmpty());
        assertTrue(probe.acked);
        assertNull(probe.nacked);
    }

    @Test
    void unreadableRecordsAreNackedWithTheirReasonAndAnsweredFirst() {
        for (byte[] bad : List.of(new byte[0], new byte[] {'{', (byte) 0xFF, '}'}, bytes("not json"),
                bytes(EventCodec.encode(RunFailed.of("e", "r", 0, "x")).replace("\"stageIndex\":0",
                        "\"stageIndex\":-1")), bytes("{\"type\":\"TrainingJob\"}"))) {
            Probe probe = new Probe();
            AtomicReference<EventReader.Unreadable> answered = new AtomicReference<>();
            reader.<RunEvent>handle(probe.of(bad), Topics.RUNS, e -> Disposition.DONE, answered::set);
            assertTrue(probe.nacked instanceof EventReader.UnreadableRecordException, new String(bad,
                    StandardCharsets.UTF_8));
            assertTrue(!probe.acked);
            if (bad.length > 0 && bad[1] != (byte) 0xFF) {
                assertEquals(Topics.RUNS, answered.get().topic(), "decodable text is offered for an answer");
            }
        }
    }

    @Test
    void aHandlerThatThrowsEvenAnErrorDeadLettersTheRecordAndTheReaderGoesOn() {
        Probe probe = new Probe();
        reader.<RunEvent>read(probe.of(bytes(EventCodec.encode(RunFailed.of("e", "r", 0, "x")))), Topics.RUNS,
                e -> {
                    throw new OutOfMemoryError("simulated");
                });
        assertTrue(probe.nacked.getMessage().contains("OutOfMemoryError: simulated"), probe.nacked.getMessage());
    }

    @Test
    void aRecordLeftForRedeliveryIsNeitherAckedNorNacked() {
        Probe probe = new Probe();
        reader.<RunEvent>handle(probe.of(bytes(EventCodec.encode(RunFailed.of("e", "r", 0, "x")))), Topics.RUNS,
                e -> Disposition.REDELIVER, u -> { });
        assertTrue(!probe.acked && probe.nacked == null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
