package ai.mnemo.cli.hostile;

import ai.mnemo.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@value Topics#DEAD_LETTERS} with its headers: what was refused, from where, and why. */
final class DeadLetters implements AutoCloseable {

    /** One dead letter; a sentinel is the suite's own marker record that follows each case. */
    record Letter(String key, byte[] value, String reason, String sourceTopic) {

        boolean isSentinel() {
            return value != null && new String(value, StandardCharsets.UTF_8).startsWith("sentinel ");
        }

        @Override
        public String toString() {
            return "[" + sourceTopic + ": " + reason + "]";
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Letter> seen = new ArrayList<>();

    DeadLetters(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-suite-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DEAD_LETTERS));
    }

    /** The dead letters with this key from {@code topic}, once there are {@code count} of them (or the timeout). */
    List<Letter> await(String key, String topic, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Letter> matching = matching(key, topic);
        while (matching.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                seen.add(new Letter(record.key(), record.value(), header(record, "dead-letter-reason"),
                        header(record, "dead-letter-topic")));
            }
            matching = matching(key, topic);
        }
        return matching;
    }

    private List<Letter> matching(String key, String topic) {
        return seen.stream().filter(l -> key.equals(l.key()) && topic.equals(l.sourceTopic())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
