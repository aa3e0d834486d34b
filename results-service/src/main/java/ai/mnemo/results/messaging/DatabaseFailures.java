package ai.mnemo.results.messaging;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, no free connection) from an event that cannot be
 * stored. The first is worth waiting for, however long it takes: skipping would lose events. The second is skipped
 * after a few tries, or it would block its topic forever.
 */
final class DatabaseFailures {

    /** Cause chains can be cyclic in odd drivers; no real chain is this deep. */
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {
    }

    static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // SQL standard class 08: connection exception (refused, lost, rejected).
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
