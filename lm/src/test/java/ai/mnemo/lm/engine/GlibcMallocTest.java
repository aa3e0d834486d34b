package ai.mnemo.lm.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The malloc settings go in on glibc, and stay out when the user tunes malloc or turns them off. */
class GlibcMallocTest {

    @Test
    void glibcTakesTheSettings() {
        // The build and CI run on glibc Linux (Debian), where mallopt accepts all three.
        assertTrue(GlibcMalloc.apply(Map.of()));
    }

    @Test
    void theUsersOwnTuningWins() {
        assertFalse(GlibcMalloc.apply(Map.of("MALLOC_ARENA_MAX_", "2")));
        assertFalse(GlibcMalloc.apply(Map.of("MNEMO_MALLOC_TUNING", "off")));
        assertFalse(GlibcMalloc.apply(Map.of("MNEMO_MALLOC_TUNING", "OFF")));
    }
}
