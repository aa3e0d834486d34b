package ai.mnemo.cli.kafka;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the facts of one experiment as they happen, from the beginning of the topics, in a throwaway consumer
 * group (it never steals work from a service). Records of other experiments and unreadable records are skipped.
 */
public final class EventWatcher implements AutoCloseable {

    private static final List<String> FACT_TOPICS =
            List.of(Topics.EXPERIMENTS, Topics.RUNS, Topics.DATASETS, Topics.TRAINING, Topics.EVAL);

    private final KafkaConsumer<String, String> consumer;

    public EventWatcher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "mnemo-cli-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        KafkaSecurity.apply(config);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(FACT_TOPICS);
    }

    /**
     * Delivers the experiment's events to {@code handler} until it returns true (done) or the timeout passes;
     * returns whether the handler said done.
     */
    public boolean watch(String experimentId, Duration timeout, Predicate<MnemoEvent> handler) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                MnemoEvent event = decode(record);
                if (event != null && experimentId.equals(event.experimentId()) && handler.test(event)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MnemoEvent decode(ConsumerRecord<String, String> record) {
        try {
            return EventCodec.decode(record.value(), Topics.eventType(record.topic()));
        } catch (EventDecodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
