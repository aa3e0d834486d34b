package ai.mnemo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

/** The resource started by hand, without Quarkus, and a round trip through {@link KafkaTestClient}. */
class KafkaBrokerResourceTest {

    private static final KafkaBrokerResource RESOURCE = new KafkaBrokerResource();
    /** Held strongly: JUL forgets the level of a logger nobody references. */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"), Logger.getLogger("state.change.logger"));
    private static Map<String, String> config;

    @BeforeAll
    static void startBroker() {
        // Without Quarkus nobody applies quarkus.log.category, and the embedded broker logs a lot at INFO.
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        long started = System.nanoTime();
        config = RESOURCE.start();
        System.out.printf("KafkaBrokerResource started in %d ms on %s%n",
                (System.nanoTime() - started) / 1_000_000, KafkaBrokerResource.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        RESOURCE.stop();
        assertThrows(IllegalStateException.class, KafkaBrokerResource::bootstrapServers);
    }

    @Test
    void configPointsAtTheBroker() {
        String servers = KafkaBrokerResource.bootstrapServers();
        assertEquals(servers, config.get("kafka.bootstrap.servers"));
        assertEquals(servers, config.get("mp.messaging.connector.smallrye-kafka.bootstrap.servers"));
        if (System.getenv(KafkaBrokerResource.BOOTSTRAP_ENV) == null) {
            assertTrue(servers.matches("127\\.0\\.0\\.1:\\d+"), servers);
        }
    }

    @Test
    void publishedRecordsCanBePolledBack() {
        // A fresh topic per run: KAFKA_BOOTSTRAP_SERVERS may name a broker that outlives this test.
        String topic = "mnemo.test-support.round-trip." + UUID.randomUUID();
        try (KafkaTestClient client = new KafkaTestClient(KafkaBrokerResource.bootstrapServers())) {
            client.publish(topic, "run-1", "{\"n\":1}");
            client.publish(topic, "run-1", "{\"n\":2}");
            client.publish(topic, "{\"n\":3}");

            assertEquals(List.of("{\"n\":2}"), client.poll(topic, v -> v.contains("2"), Duration.ofSeconds(20)));
            List<String> all = client.poll(topic, v -> true, 3, Duration.ofSeconds(20));
            assertEquals(3, all.size(), all.toString());
            assertEquals(2, client.poll(topic, v -> true, 2, Duration.ofSeconds(20)).size(), "stops at the count");
            // Same key, same partition: their order holds.
            assertTrue(all.indexOf("{\"n\":1}") < all.indexOf("{\"n\":2}"), all.toString());
        }
    }

    @Test
    void pollGivesUpAtTheTimeout() {
        try (KafkaTestClient client = KafkaTestClient.forResource()) {
            long started = System.nanoTime();
            assertEquals(List.of(), client.poll("mnemo.test-support.never-written." + UUID.randomUUID(), v -> true, Duration.ofSeconds(1)));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        }
    }

    @Test
    void injectsTheAddressIntoAnnotatedFields() {
        Holder holder = new Holder();
        TestInjector injector = (value, predicate) -> {
            for (Field field : Holder.class.getDeclaredFields()) {
                if (predicate.test(field)) {
                    field.setAccessible(true);
                    try {
                        field.set(holder, value);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        RESOURCE.inject(injector);
        assertEquals(KafkaBrokerResource.bootstrapServers(), holder.servers);
        assertEquals(null, holder.unrelated);
    }

    @Test
    void listenerBecomesHostAndPort() {
        assertEquals("127.0.0.1:40123", KafkaBrokerResource.hostAndPort("PLAINTEXT://127.0.0.1:40123"));
        assertEquals("localhost:1", KafkaBrokerResource.hostAndPort("PLAINTEXT://localhost:1,SSL://localhost:2"));
    }

    static class Holder {
        @InjectKafkaBootstrapServers
        String servers;
        String unrelated;
    }
}
