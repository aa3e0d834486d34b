package ai.mnemo.data.placement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a {@link GroupLoad} with Kafka's Admin API: the group's members and their assignment, its committed offsets
 * and the topic's end offsets. Four small requests; data-service makes them once per job it publishes.
 */
final class GroupLoadReader {

    private final Admin admin;
    private final Duration timeout;

    GroupLoadReader(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * The load of {@code group} on {@code topic}.
     *
     * @throws IllegalStateException when the broker did not answer in time or refused (e.g. no Describe ACL)
     */
    GroupLoad read(String topic, String group) {
        try {
            TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            ConsumerGroupDescription fleet = await(admin.describeConsumerGroups(List.of(group)).all()).get(group);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            List<TopicPartition> neverCommitted = partitions.stream()
                    .filter(p -> committed.get(p) == null).toList();
            // A partition the group never committed is read from its start (auto.offset.reset=earliest).
            Map<TopicPartition, ListOffsetsResultInfo> starts = neverCommitted.isEmpty() ? Map.of()
                    : offsets(neverCommitted, OffsetSpec.earliest());
            Map<Integer, Long> backlog = new HashMap<>();
            for (TopicPartition p : partitions) {
                OffsetAndMetadata done = committed.get(p);
                long from = done != null ? done.offset() : starts.get(p).offset();
                backlog.put(p.partition(), Math.max(0, ends.get(p).offset() - from));
            }
            return new GroupLoad(members(fleet, topic), backlog);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading group " + group + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading group " + group + " took over " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading group " + group, e);
        }
    }

    private static Map<String, Set<Integer>> members(ConsumerGroupDescription fleet, String topic) {
        return fleet.members().stream().collect(Collectors.toMap(MemberDescription::consumerId,
                member -> member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(topic))
                        .map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new))));
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return await(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all());
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
