package ai.mnemo.cli.faults;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.Topics;
import ai.mnemo.events.v1.MnemoEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every event on every topic of a stack, in arrival order, read by a consumer without a group (assigned every
 * partition from offset 0), so it survives a broker restart and takes nothing from the services.
 */
final class EventLog implements AutoCloseable {

    private final List<MnemoEvent> events = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean open = true;

    EventLog(String bootstrap, int partitions) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
        }
        consumer.assign(all);
        consumer.seekToBeginning(all);
        reader = new Thread(this::read, "event-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (open) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        events.add(EventCodec.decode(record.value(), Topics.eventType(record.topic())));
                    } catch (EventDecodingException e) {
                        // not an event of ours: the services' own tests cover such records
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    /** How many events arrived so far: a mark to wait for later ones. */
    int size() {
        return events.size();
    }

    <T extends MnemoEvent> List<T> all(Class<T> type, Predicate<T> match) {
        return since(0, type, match);
    }

    <T extends MnemoEvent> List<T> since(int mark, Class<T> type, Predicate<T> match) {
        List<T> found = new ArrayList<>();
        List<MnemoEvent> snapshot = List.copyOf(events);
        for (MnemoEvent event : snapshot.subList(Math.min(mark, snapshot.size()), snapshot.size())) {
            if (type.isInstance(event) && match.test(type.cast(event))) {
                found.add(type.cast(event));
            }
        }
        return found;
    }

    /** The first matching event at or after {@code mark}, waiting up to {@code timeout} for it. */
    <T extends MnemoEvent> T await(int mark, Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        return awaitCount(mark, type, match, 1, timeout).get(0);
    }

    <T extends MnemoEvent> List<T> awaitCount(int mark, Class<T> type, Predicate<T> match, int count,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = since(mark, type, match);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + count + " " + type.getSimpleName()
                        + " and saw " + found.size());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        reader.join(10_000);
    }
}
