package ai.mnemo.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain kafka-clients helper so that service tests drive a real broker without copying consumer code: publish a
 * String record, and read a topic until enough values match or a timeout passes.
 * <p>
 * Reads always start at the beginning of the topic and use no consumer group (the partitions are assigned, nothing
 * is committed), so they neither join nor disturb the groups of the services under test. They never create the
 * topic either: a topic that does not exist yet is waited for.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A client for the running {@link KafkaBrokerResource}. */
    public static KafkaTestClient forResource() {
        return new KafkaTestClient(KafkaBrokerResource.bootstrapServers());
    }

    /** Publishes a record without a key and waits for the broker's acknowledgement. */
    public void publish(String topic, String value) {
        publish(topic, null, value);
    }

    /** Publishes a record and waits until all in-sync replicas have it. */
    public void publish(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** The first value of the topic that matches, as a list of one; empty if none arrives within the timeout. */
    public List<String> poll(String topic, Predicate<String> match, Duration timeout) {
        return poll(topic, match, 1, timeout);
    }

    /**
     * Reads the topic from the beginning until {@code count} values match, and returns those first {@code count}
     * matching values in the order read (by offset within a partition). At the timeout it returns what matched so
     * far, maybe fewer or none: the test decides what that means.
     */
    public List<String> poll(String topic, Predicate<String> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            if (!assignFromStart(consumer, topic, deadline)) {
                return matches;
            }
            while (matches.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (matches.size() < count && match.test(record.value())) {
                        matches.add(record.value());
                    }
                }
            }
        }
        return matches;
    }

    /** Waits for the topic to exist, then assigns all its partitions at offset 0. */
    private static boolean assignFromStart(KafkaConsumer<String, String> consumer, String topic, long deadline) {
        List<PartitionInfo> partitions = List.of();
        while (partitions.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                partitions = consumer.partitionsFor(topic, POLL.multipliedBy(10));
            } catch (org.apache.kafka.common.errors.TimeoutException slowBroker) {
                continue; // a loaded broker may take longer for the first metadata: the deadline decides
            }
            if (partitions.isEmpty()) {
                sleep(POLL);
            }
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        return true;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
