package kr.kaesongcrossing.application.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            LockWaits.await(secondIsWaiting);
            return status;
        }));
        assertThat(firstHoldsTheRow.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ApplicationStatus> rejection = threads.submit(() -> reviews.reject(id, seen, Actor.of(second), "late"));
        LockWaits.awaitLockWait(jdbc, rejection, "second decision");
        secondIsWaiting.countDown();

        assertThat(approval.get(60, TimeUnit.SECONDS)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        // Once the lock is granted, the row is read as committed: the version the officer saw is gone.
        Throwable refusal = LockWaits.failureOf(rejection);
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
}
