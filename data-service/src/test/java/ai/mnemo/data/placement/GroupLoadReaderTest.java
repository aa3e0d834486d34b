package ai.mnemo.data.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.testing.InjectKafkaBootstrapServers;
import ai.mnemo.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Over the real broker: two consumers of one group share a four-partition topic; jobs wait in one member's
 * partitions, some committed. The reader sees each member's partitions and each partition's unfinished jobs, and the
 * placement picks the other member.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class GroupLoadReaderTest {

    @InjectKafkaBootstrapServers
    String bootstrap;

    @Test
    void readsMembersAndUnfinishedJobsAndPlacesOnTheIdleMember() throws Exception {
        String topic = "placement-" + UUID.randomUUID();
        String group = "fleet-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
            try (KafkaConsumer<String, String> first = consumer(group);
                    KafkaConsumer<String, String> second = consumer(group);
                    KafkaProducer<String, String> producer = producer()) {
                first.subscribe(List.of(topic));
                second.subscribe(List.of(topic));
                awaitSplit(first, second);
                Set<Integer> busy = partitions(first);
                int jobs = busy.iterator().next();
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, jobs, "run", "job " + i)).get();
                }
                // The busy member finished the first job: its offset is committed, two remain.
                first.commitSync(Map.of(new TopicPartition(topic, jobs), new OffsetAndMetadata(1)));

                GroupLoad load = new GroupLoadReader(admin, Duration.ofSeconds(10)).read(topic, group);

                assertEquals(2, load.members().size());
                assertEquals(Set.of(busy, partitions(second)), Set.copyOf(load.members().values()));
                assertEquals(4, load.backlog().size());
                assertEquals(2L, load.backlog().get(jobs), "three published, one committed");
                assertEquals(1, load.idleMembers());
                OptionalInt placed = load.placement();
                assertTrue(placed.isPresent() && partitions(second).contains(placed.getAsInt()),
                        placed + " should be one of the idle member's " + partitions(second));
            }
        }
    }

    @Test
    void anUnknownTopicIsAnErrorTheCallerCanFallBackFrom() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            GroupLoadReader reader = new GroupLoadReader(admin, Duration.ofSeconds(5));
            assertThrows(IllegalStateException.class, () -> reader.read("no-such-topic-" + UUID.randomUUID(), "g"));
        }
    }

    private static void awaitSplit(KafkaConsumer<String, String> first, KafkaConsumer<String, String> second) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (first.assignment().size() != 2 || second.assignment().size() != 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the group did not split the partitions: " + first.assignment() + " / "
                        + second.assignment());
            }
            first.poll(Duration.ofMillis(100));
            second.poll(Duration.ofMillis(100));
        }
        // Stop fetching, so neither member takes the test's records.
        first.pause(first.assignment());
        second.pause(second.assignment());
    }

    private static Set<Integer> partitions(KafkaConsumer<String, String> consumer) {
        Set<Integer> partitions = new TreeSet<>();
        consumer.assignment().forEach(p -> partitions.add(p.partition()));
        return partitions;
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
