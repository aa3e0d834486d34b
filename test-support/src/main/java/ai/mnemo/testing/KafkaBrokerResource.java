package ai.mnemo.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker for service tests, where Dev Services cannot help: this machine has no Docker, and Quarkus'
 * own {@code KafkaCompanionResource} always wants a container. It uses the broker named by the environment variable
 * {@value #BOOTSTRAP_ENV} when that is set (a shared local broker, CI), and otherwise starts SmallRye's in-JVM KRaft
 * {@link EmbeddedKafkaBroker} on 127.0.0.1 with random ports, deleted again in {@link #stop()}.
 * <p>
 * Use it with {@code @WithTestResource(KafkaBrokerResource.class)} on a {@code @QuarkusTest}. The resource sets
 * {@code kafka.bootstrap.servers} and the SmallRye connector's {@code bootstrap.servers}; a test reads the address
 * through a field annotated {@link InjectKafkaBootstrapServers}, or {@code @ConfigProperty(name =
 * "kafka.bootstrap.servers")}, or {@link #bootstrapServers()}.
 * <p>
 * The embedded broker logs through the application's logging, a thousand lines at INFO per start; a service quiets
 * it with {@code quarkus.log.category."kafka".level=WARN}, the same for {@code "org.apache.kafka"} and
 * {@code "state.change.logger"} (these apply from the broker's first line on).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Environment variable naming an existing broker to use instead of an embedded one. */
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /** Partitions of auto-created topics, as on the local broker: the fleet needs partitions >= instances. */
    static final int PARTITIONS = 4;

    private static volatile String current;

    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;

    @Override
    public Map<String, String> start() {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            bootstrapServers = external.trim();
        } else {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(1)
                    .withKafkaHost("127.0.0.1") // ports stay 0: the broker picks free ones
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> p.put("num.partitions", Integer.toString(PARTITIONS)))
                    .start();
            bootstrapServers = hostAndPort(broker.getAdvertisedListeners());
        }
        current = bootstrapServers;
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(bootstrapServers,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBootstrapServers.class, String.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        current = null;
    }

    /**
     * The bootstrap servers of the running resource, for code outside Quarkus' injection. Inside a
     * {@code @QuarkusTest} prefer {@link InjectKafkaBootstrapServers}.
     *
     * @throws IllegalStateException when no resource is running
     */
    public static String bootstrapServers() {
        String servers = current;
        if (servers == null) {
            throw new IllegalStateException("no KafkaBrokerResource is running");
        }
        return servers;
    }

    /** "PLAINTEXT://127.0.0.1:40123[,...]" to "127.0.0.1:40123": clients want host:port. */
    static String hostAndPort(String advertisedListeners) {
        String first = advertisedListeners.split(",")[0].trim();
        int scheme = first.indexOf("://");
        return scheme < 0 ? first : first.substring(scheme + 3);
    }
}
