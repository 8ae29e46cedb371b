package kr.kaesongcrossing.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells whether a failure means "the database cannot serve us right now" (down, stalled, unreachable, out of
 * connections, lock wait or query timed out), as opposed to a bug or a refused input. Such failures are answered
 * with 503 and the request's effect is never assumed to have happened.
 */
final class DatabaseFailures {

    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null;
                depth++) {
            if (isUnavailableItself(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isUnavailableItself(Throwable t) {
        return t instanceof DataAccessResourceFailureException          // includes CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof RecoverableDataAccessException
                || t instanceof QueryTimeoutException
                || t instanceof PessimisticLockingFailureException     // lock wait timeout, deadlock victim
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException         // Hikari: connection not available in time
                || t instanceof SQLNonTransientConnectionException      // connection closed / refused
                || t instanceof SQLRecoverableException                 // Connector/J CommunicationsException
                || t instanceof SQLTimeoutException                     // query timeout
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof SQLException sql && isConnectionGone(sql);
    }

    /**
     * SQL state class 08 is "connection exception". When a connection dies mid-transaction, Spring throws the
     * failed rollback instead of the original failure, and Hikari's proxy of the evicted connection says only
     * "Connection is closed", with no SQL state.
     */
    private static boolean isConnectionGone(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08")
                || "Connection is closed".equals(e.getMessage());
    }
}
