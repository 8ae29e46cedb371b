package kr.kaesongcrossing.system;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which failures {@link RetryOnWriteConflict} retries: a lost write conflict (SQL state 40001, "serialization
 * failure": MariaDB's and MySQL's deadlock error 1213, which Galera also raises for a failed certification or a
 * transaction aborted by a replicated one, and H2's deadlock), found anywhere in the cause chain, whatever Spring
 * or Hibernate wrapped it in; and only outside any transaction, i.e. where the failed transaction began.
 */
@Component
public class WriteConflicts implements MethodRetryPredicate {

    static final long MAX_RETRIES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(WriteConflicts.class);
    private static final int MAX_DEPTH = 32;
    private static final int ER_LOCK_DEADLOCK = 1213;

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return !TransactionSynchronizationManager.isActualTransactionActive() && isWriteConflict(failure);
    }

    static boolean isWriteConflict(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null;
                depth++) {
            if (current instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == ER_LOCK_DEADLOCK)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    /** One line per retried or given-up attempt, naming what Spring threw (never the statement's values). */
    @EventListener
    void retried(MethodRetryEvent event) {
        // in the failed call's thread: a caller's transaction still open means that caller retries, not this method
        if (!TransactionSynchronizationManager.isActualTransactionActive() && isWriteConflict(event.getFailure())) {
            LOG.info("write conflict in {}.{}{}: {}{}", event.getMethod().getDeclaringClass().getSimpleName(),
                    event.getMethod().getName(), atCommit(event.getFailure()) ? " at commit" : "",
                    chain(event.getFailure()), event.isRetryAborted() ? " (gave up)" : " (retrying)");
        }
    }

    /** Whether the transaction manager's commit threw it (Galera's certification), not a statement. */
    private static boolean atCommit(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getMethodName().equals("doCommit") || frame.getMethodName().equals("commit")) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable failure) {
        StringBuilder names = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            names.append(names.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql) {
                names.append('[').append(sql.getErrorCode()).append('/').append(sql.getSQLState()).append(']');
            }
        }
        return names.toString();
    }
}
