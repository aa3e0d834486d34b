package ai.mnemo.results.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** An unreachable database is waited for; anything else fails the event, retried a bounded number of times. */
class DatabaseFailuresTest {

    @Test
    void aConnectionProblemAnywhereInTheChainIsUnreachable() {
        assertTrue(DatabaseFailures.unreachable(new IllegalStateException("tx failed",
                new RuntimeException(new SQLTransientConnectionException("Acquisition timeout")))));
        assertTrue(DatabaseFailures.unreachable(new RuntimeException(
                new SQLException("Connection refused", "08001"))));
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertFalse(DatabaseFailures.unreachable(new RuntimeException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.unreachable(new IllegalArgumentException("bad value")));
        assertFalse(DatabaseFailures.unreachable(new SQLException("no state")));
    }
}
