package ai.mnemo.data.placement;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A worker fleet's consumer group as the broker sees it: which member holds which partitions of the job topic, and
 * how many jobs each partition holds that its member has not finished (the group's lag: the job in hand and those
 * queued behind it). A worker acknowledges a job only when its outcome is published, so a member whose partitions
 * hold no lag is idle.
 *
 * @param members each member's id and the partitions it holds
 * @param backlog unfinished jobs per partition of the topic (every partition, held or not)
 */
public record GroupLoad(Map<String, Set<Integer>> members, Map<Integer, Long> backlog) {

    public GroupLoad {
        members = Map.copyOf(members);
        backlog = Map.copyOf(backlog);
    }

    /**
     * Where the next job should go: the partition with the least backlog held by the member with the least
     * backlog, so it reaches an idle worker when there is one, and otherwise waits behind the fewest jobs. Ties go
     * to the lowest member id and partition, so the choice is repeatable. Empty when no member holds a partition
     * (the fleet is down or rebalancing): the caller then keeps Kafka's own choice by key.
     */
    public OptionalInt placement() {
        Optional<Map.Entry<String, Set<Integer>>> least = members.entrySet().stream()
                .filter(member -> !member.getValue().isEmpty())
                .min(Comparator.<Map.Entry<String, Set<Integer>>>comparingLong(member -> load(member.getValue()))
                        .thenComparing(Map.Entry::getKey));
        if (least.isEmpty()) {
            return OptionalInt.empty();
        }
        return least.get().getValue().stream()
                .min(Comparator.<Integer>comparingLong(this::backlogOf).thenComparing(Comparator.naturalOrder()))
                .map(OptionalInt::of)
                .orElseGet(OptionalInt::empty);
    }

    /** Members holding partitions with no unfinished job. */
    public long idleMembers() {
        return members.values().stream().filter(p -> !p.isEmpty() && load(p) == 0).count();
    }

    private long load(Set<Integer> partitions) {
        return partitions.stream().mapToLong(this::backlogOf).sum();
    }

    private long backlogOf(int partition) {
        return backlog.getOrDefault(partition, 0L);
    }
}
