package ai.mnemo.data.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The placement rule alone: idle members first, then the fewest unfinished jobs, ties broken repeatably. */
class GroupLoadTest {

    @Test
    void aJobGoesToTheIdleMemberWhileTheOtherTrains() {
        GroupLoad load = new GroupLoad(Map.of("a", Set.of(0, 1), "b", Set.of(2, 3)),
                Map.of(0, 1L, 1, 0L, 2, 0L, 3, 0L));
        assertEquals(OptionalInt.of(2), load.placement());
        assertEquals(1, load.idleMembers());
    }

    @Test
    void notToTheIdlePartitionOfABusyMember() {
        // Partition 1 is empty but its member is busy on partition 0: a job there would wait.
        GroupLoad load = new GroupLoad(Map.of("a", Set.of(0, 1), "b", Set.of(2, 3)),
                Map.of(0, 1L, 1, 0L, 2, 0L, 3, 1L));
        assertEquals(OptionalInt.of(1), load.placement(), "both busy with one job each: a's empty partition");
        GroupLoad busierA = new GroupLoad(Map.of("a", Set.of(0, 1), "b", Set.of(2, 3)),
                Map.of(0, 2L, 1, 0L, 2, 0L, 3, 1L));
        assertEquals(OptionalInt.of(2), busierA.placement(), "b has fewer unfinished jobs");
    }

    @Test
    void whenEveryoneIsBusyTheShortestQueueWins() {
        GroupLoad load = new GroupLoad(Map.of("a", Set.of(0), "b", Set.of(1), "c", Set.of(2)),
                Map.of(0, 3L, 1, 1L, 2, 2L));
        assertEquals(OptionalInt.of(1), load.placement());
        assertEquals(0, load.idleMembers());
    }

    @Test
    void tiesGoToTheLowestMemberAndPartition() {
        GroupLoad load = new GroupLoad(Map.of("b", Set.of(1, 3), "a", Set.of(2, 0)), Map.of());
        assertEquals(OptionalInt.of(0), load.placement());
        assertEquals(2, load.idleMembers());
    }

    @Test
    void noMemberHoldingAPartitionMeansNoPlacement() {
        assertEquals(OptionalInt.empty(), new GroupLoad(Map.of(), Map.of(0, 0L)).placement());
        // More members than partitions: a member without partitions cannot take a job.
        GroupLoad surplus = new GroupLoad(Map.of("a", Set.of(), "b", Set.of(0)), Map.of(0, 4L));
        assertEquals(OptionalInt.of(0), surplus.placement());
        assertEquals(OptionalInt.empty(), new GroupLoad(Map.of("a", Set.of()), Map.of(0, 0L)).placement());
    }
}
