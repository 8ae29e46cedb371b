package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class WriteConflictsTests {

    private final WriteConflicts conflicts = new WriteConflicts();

    /** As Spring hands over a deadlock or a failed Galera certification (error 1213, SQL state 40001). */
    private static RuntimeException deadlock() {
        return new CannotAcquireLockException("could not execute statement",
                new RuntimeException(new SQLTransactionRollbackException("Deadlock found when trying to get lock",
                        "40001", 1213)));
    }

    @Test
    void shouldRetryALostWriteConflictWhereTheTransactionBegan() {
        assertThat(conflicts.shouldRetry(null, deadlock())).isTrue();
        assertThat(conflicts.shouldRetry(null, new IllegalStateException(new SQLException("x", null, 1213)))).isTrue();
    }

    @Test
    void shouldNotRetryADuplicateOrABug() {
        assertThat(conflicts.shouldRetry(null, new DataIntegrityViolationException("duplicate",
                new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(conflicts.shouldRetry(null, new IllegalArgumentException("bug"))).isFalse();
    }

    @Test
    void shouldLeaveTheRetryToTheCallerWhoseTransactionIsStillOpen() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(conflicts.shouldRetry(null, deadlock())).isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
