package kr.kaesongcrossing.application.review;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.TravelApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deciding several applications at once from the queue (run with KC_TEST_DB=mysql for MariaDB): each decided one gets
 * its own timeline entry, mail and audit event; one that changed meanwhile is named and left alone.
 */
@RecordApplicationEvents
class BulkDecisionTests extends ApplicationTestSupport {

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldApproveTheSelectedOnesEachWithItsOwnEntryMailAndAuditAndNameTheOneThatChanged() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long first = submitted(civilian);
        long second = submitted(civilian);
        long changed = submitted(civilian);
        String seenFirst = first + ":" + version(first);
        String seenSecond = second + ":" + version(second);
        String seenChanged = changed + ":" + version(changed);
        applications.withdraw(changed, civilian, "계획 변경"); // after the officer's page was shown

        MvcResult result = mvc.perform(post("/review/bulk").param("selected", seenFirst, seenSecond, seenChanged)
                        .param("action", "APPROVE").param("text", "서류 확인 완료").param("back", "status=SUBMITTED&page=2")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl("/review?status=SUBMITTED&page=2")).andReturn();

        String notice = (String) result.getFlashMap().get("notice");
        String problem = (String) result.getFlashMap().get("problem");
        assertThat(notice).startsWith("2건을 승인했습니다").contains(reference(first), reference(second));
        assertThat(problem).startsWith("1건은 바뀌지 않았습니다.").contains(reference(changed))
                .contains("다른 사람이").doesNotContain(reference(first));
        assertThat(statusOf(first)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(statusOf(second)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(statusOf(changed)).isEqualTo(ApplicationStatus.WITHDRAWN);
        for (long id : List.of(first, second)) {
            assertThat(jdbc.queryForObject("select reason from application_status_change where application_id = ? "
                    + "and to_status = 'AWAITING_CONSENT'", String.class, id)).isEqualTo("서류 확인 완료");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'application.status-changed'"
                    + " and subject_id = ? and actor_id = ?", Long.class, String.valueOf(id),
                    String.valueOf(officer.id()))).isEqualTo(1);
        }
        assertThat(events.stream(ApplicationStatusChanged.class)
                .filter(e -> e.to() == ApplicationStatus.AWAITING_CONSENT).map(ApplicationStatusChanged::applicationId))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void shouldRequestTheSameInformationAndRefuseTheOfficersOwnApplication() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long theirs = submitted(civilian);
        long own = submitted(officer);

        BulkOutcome outcome = reviews.decideEach(List.of(new ReviewService.Selected(theirs, version(theirs)),
                new ReviewService.Selected(own, version(own))), Actor.of(officer),
                ReviewService.BulkAction.REQUEST_INFORMATION, "여권 사본을 다시 올려 주세요");

        assertThat(outcome.decided()).containsExactly(reference(theirs));
        assertThat(outcome.refused()).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo(reference(own));
            assertThat(r.why().getCodes()).contains("application.refused.own");
        });
        assertThat(statusOf(theirs)).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
        assertThat(statusOf(own)).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void shouldChangeNothingWithoutTextSelectionOrDecisionAndSayWhyInEnglish() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        String seen = id + ":" + version(id);

        assertThat(problem(officer, "REQUEST_INFORMATION", " ", seen)).contains("Write what information is needed");
        assertThat(problem(officer, "APPROVE", "", (String[]) null)).contains("select at least one");
        assertThat(problem(officer, "APPROVE", "", "12;drop")).contains("select at least one");
        assertThat(problem(officer, "SHRED", "", seen)).contains("choose a decision");
        assertThat(problem(officer, "APPROVE", "x".repeat(1001), seen)).contains("1,000 characters");
        assertThat(problem(officer, "APPROVE", "", "999999999:0")).contains("#999999999").contains("No such");
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void shouldOfferOnlySubmittedApplicationsOfOthersForSelection() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        String name = uniqueKoreanName();
        long open = submitted(civilian, name, someEntryDate(), kr.kaesongcrossing.application.model.Purpose.TALKS);
        long rejected = submitted(civilian, name, someEntryDate(), kr.kaesongcrossing.application.model.Purpose.TALKS);
        reviews.reject(rejected, version(rejected), Actor.of(account(Role.OFFICER)), "no");

        mvc.perform(get("/review").param("q", name).param("status", "ALL").with(signedIn(officer)))
                .andExpect(content().string(containsString("value=\"" + open + ":" + version(open) + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"select-" + rejected + "\""))));
        mvc.perform(get("/review?status=ALL&sort=desc").with(signedIn(officer)))
                .andExpect(content().string(containsString("name=\"back\" value=\"status=ALL&amp;sort=desc\"")));
    }

    /**
     * Another officer changes one of the selected applications while the bulk decision runs: the decision waits for
     * that transaction (its row, or the audit trail's head it holds too), then finds the version gone and names it;
     * the ones before and after it are decided.
     */
    @Test
    void shouldWaitForAConcurrentChangeToOneOfTheSelectedAndThenLeaveItOut() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        AccountPrincipal other = account(Role.OFFICER);
        long before = submitted(civilian);
        long contested = submitted(civilian);
        long after = submitted(civilian);
        List<ReviewService.Selected> selected = List.of(new ReviewService.Selected(after, version(after)),
                new ReviewService.Selected(contested, version(contested)),
                new ReviewService.Selected(before, version(before)));
        CountDownLatch otherHoldsTheRow = new CountDownLatch(1);
        CountDownLatch bulkIsWaiting = new CountDownLatch(1);

        Future<ApplicationStatus> rejection = threads.submit(() -> transactions.execute(tx -> {
            ApplicationStatus status = reviews.reject(contested, version(contested), Actor.of(other), "서류 미비");
            otherHoldsTheRow.countDown();
            LockWaits.await(bulkIsWaiting);
            return status;
        }));
        assertThat(otherHoldsTheRow.await(30, TimeUnit.SECONDS)).isTrue();
        Future<BulkOutcome> bulk = threads.submit(() -> reviews.decideEach(selected, Actor.of(officer),
                ReviewService.BulkAction.APPROVE, null));
        LockWaits.awaitLockWait(jdbc, bulk, "bulk decision");
        bulkIsWaiting.countDown();

        assertThat(rejection.get(60, TimeUnit.SECONDS)).isEqualTo(ApplicationStatus.REJECTED);
        BulkOutcome outcome = bulk.get(60, TimeUnit.SECONDS);
        assertThat(outcome.decided()).containsExactly(reference(before), reference(after));
        assertThat(outcome.refused()).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo(reference(contested));
            assertThat(r.why().getCodes()).contains("application.refused.stale");
        });
        assertThat(statusOf(contested)).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(statusOf(after)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(jdbc.queryForObject("select count(*) from application_status_change where application_id = ? "
                + "and from_status = 'SUBMITTED'", Long.class, contested)).isEqualTo(1);
    }

    private String problem(AccountPrincipal officer, String action, String text, String... selected)
            throws Exception {
        var request = post("/review/bulk").param("action", action).param("text", text).cookie(ENGLISH)
                .with(signedIn(officer)).with(csrf());
        if (selected != null) {
            request.param("selected", selected);
        }
        return (String) mvc.perform(request).andExpect(redirectedUrl("/review")).andReturn().getFlashMap()
                .get("problem");
    }

    private String reference(long id) {
        return repository.findById(id).map(TravelApplication::getReference).orElseThrow();
    }
}
