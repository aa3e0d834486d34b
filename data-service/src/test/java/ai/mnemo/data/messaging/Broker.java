package ai.mnemo.data.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.testing.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The tests' side of the broker: publish events as another service would, and wait for data-service's answers. */
final class Broker implements AutoCloseable {

    /** Generous: the first records after a boot wait for the consumer group to form. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** How long to watch for an event that must not come, once everything before it has been handled. */
    static final Duration QUIET = Duration.ofSeconds(3);

    private final KafkaTestClient client;

    Broker(String bootstrapServers) {
        this.client = new KafkaTestClient(bootstrapServers);
    }

    void publish(MnemoEvent event) {
        client.publish(Topics.of(event), event.key(), EventCodec.encode(event));
    }

    /** A raw record, for payloads no producer of ours would write. */
    void publishRaw(String topic, String key, String payload) {
        client.publish(topic, key, payload);
    }

    /** The first {@code count} events of the type that match, in topic order; fails if fewer arrive in time. */
    <T extends MnemoEvent> List<T> await(Class<T> type, int count, Predicate<T> match) {
        List<T> found = poll(type, count, match, TIMEOUT);
        assertEquals(count, found.size(), "expected " + count + " " + type.getSimpleName() + ", got " + found);
        return found;
    }

    <T extends MnemoEvent> T awaitOne(Class<T> type, Predicate<T> match) {
        return await(type, 1, match).get(0);
    }

    /** Every matching event up to {@code limit} seen within {@link #QUIET}: for checking that something did not happen. */
    <T extends MnemoEvent> List<T> within(Class<T> type, int limit, Predicate<T> match) {
        return poll(type, limit, match, QUIET);
    }

    private <T extends MnemoEvent> List<T> poll(Class<T> type, int count, Predicate<T> match, Duration timeout) {
        String topic = Topics.of(type);
        Class<? extends MnemoEvent> sealed = Topics.eventType(topic);
        return client.poll(topic, value -> {
            MnemoEvent event = decodeOrNull(value, sealed);
            return type.isInstance(event) && match.test(type.cast(event));
        }, count, timeout).stream().map(value -> type.cast(EventCodec.decode(value, sealed))).toList();
    }

    private static MnemoEvent decodeOrNull(String value, Class<? extends MnemoEvent> sealed) {
        try {
            return EventCodec.decode(value, sealed);
        } catch (RuntimeException unreadable) {
            return null; // the tests' own malformed payloads
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
