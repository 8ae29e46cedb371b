package kr.kaesongcrossing.application.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.FlashMap;

/**
 * Two officers deciding the same application at the same moment, on the real database (run with
 * KC_TEST_DB=mysql for MariaDB): exactly one decision is recorded; the other is refused and says why.
 */
class ConcurrentDecisionTests extends ApplicationTestSupport {

    @Autowired
    TransactionTemplate transactions;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldMakeTheSecondOfficerWaitAndThenRefuseHisDecision() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal first = account(Role.OFFICER);
        AccountPrincipal second = account(Role.OFFICER);
        long id = submitted(civilian);
        long seen = version(id);
        CountDownLatch firstHoldsTheRow = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);

        Future<ApplicationStatus> approval = threads.submit(() -> transactions.execute(tx -> {
            ApplicationStatus status = reviews.approve(id, seen, Actor.of(first));
            firstHoldsTheRow.countDown();
            await(secondIsWaiting);
            return status;
        }));
        assertThat(firstHoldsTheRow.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ApplicationStatus> rejection = threads.submit(() -> reviews.reject(id, seen, Actor.of(second), "late"));
        awaitLockWait(rejection);
        secondIsWaiting.countDown();

        assertThat(approval.get(60, TimeUnit.SECONDS)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        // Once the lock is granted, the row is read as committed: the version the officer saw is gone.
        Throwable refusal = failureOf(rejection);
        assertThat(refusal).isInstanceOfSatisfying(StaleApplicationException.class,
                stale -> assertThat(stale.current()).isEqualTo(ApplicationStatus.AWAITING_CONSENT));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(decisions(id)).isEqualTo(1);
    }

    @Test
    void shouldRecordExactlyOneOfTwoSimultaneousDecisionsMadeInTheBrowser() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal first = account(Role.OFFICER);
        AccountPrincipal second = account(Role.OFFICER);
        for (int round = 0; round < 5; round++) {
            long id = submitted(civilian);
            String seen = String.valueOf(version(id));
            CountDownLatch start = new CountDownLatch(1);
            Future<FlashMap> approve = threads.submit(() -> {
                start.await();
                return mvc.perform(post("/review/applications/" + id + "/approve").param("version", seen)
                        .with(signedIn(first)).with(csrf())).andReturn().getFlashMap();
            });
            Future<FlashMap> reject = threads.submit(() -> {
                start.await();
                return mvc.perform(post("/review/applications/" + id + "/reject").param("version", seen)
                        .param("reason", "동시에 반려").with(signedIn(second)).with(csrf())).andReturn().getFlashMap();
            });
            start.countDown();

            List<FlashMap> answers = List.of(approve.get(60, TimeUnit.SECONDS), reject.get(60, TimeUnit.SECONDS));
            assertThat(answers).filteredOn(f -> f.containsKey("notice")).hasSize(1);
            assertThat(answers).filteredOn(f -> f.containsKey("problem")).singleElement()
                    .satisfies(f -> assertThat((String) f.get("problem")).startsWith("처리되지 않았습니다.")
                            .contains("다른 사람이"));
            assertThat(statusOf(id)).isIn(ApplicationStatus.AWAITING_CONSENT, ApplicationStatus.REJECTED);
            assertThat(decisions(id)).isEqualTo(1);
        }
    }

    private long decisions(long id) {
        return jdbc.queryForObject("select count(*) from application_status_change where application_id = ? "
                + "and from_status = 'SUBMITTED'", Long.class, id);
    }

    /** Waits until the database reports a transaction waiting for a row lock. */
    private void awaitLockWait(Future<?> waiter) throws Exception {
        String product;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        String query = product.toLowerCase().contains("h2")
                ? "select count(*) from information_schema.sessions where blocker_id is not null"
                // MariaDB may wait for the row while still planning the query ("Statistics"), before InnoDB lists
                // a lock wait: look for the locking read in flight on another connection.
                : "select count(*) from information_schema.processlist where command = 'Query' "
                        + "and db = database() and info like '%for update%' and id <> connection_id()";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject(query, Long.class) == 0) {
            assertThat(waiter).as("the second decision ended without waiting: %s",
                    waiter.isDone() ? failureOf(waiter) : null).isNotDone();
            assertThat(Instant.now()).as("second decision waiting for the row lock").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }
}
