package kr.kaesongcrossing.application.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of decisions racing on one application: knowing that one of them waits for the other's row lock. */
final class LockWaits {

    private LockWaits() {
    }

    /** Waits until the database reports a transaction waiting for a row lock; {@code who} names the waiter. */
    static void awaitLockWait(JdbcTemplate jdbc, Future<?> waiter, String who) throws Exception {
        String product;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        String query = product.toLowerCase(Locale.ROOT).contains("h2")
                ? "select count(*) from information_schema.sessions where blocker_id is not null"
                // MariaDB may wait for the row while still planning the query ("Statistics"), before InnoDB lists
                // a lock wait: look for the locking read in flight on another connection.
                : "select count(*) from information_schema.processlist where command = 'Query' "
                        + "and db = database() and info like '%for update%' and id <> connection_id()";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject(query, Long.class) == 0) {
            assertThat(waiter).as("the %s ended without waiting: %s", who,
                    waiter.isDone() ? failureOf(waiter) : null).isNotDone();
            assertThat(Instant.now()).as("%s waiting for the row lock", who).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the task threw, or null when it ended normally. */
    static Throwable failureOf(Future<?> future) throws Exception {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
