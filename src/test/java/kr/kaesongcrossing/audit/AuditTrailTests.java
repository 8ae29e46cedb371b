package kr.kaesongcrossing.audit;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail itself, on the real database (KC_TEST_DB=mysql for MariaDB): rows roll back with their action, the
 * chain survives concurrent appends, verify finds a changed or a deleted row, the anchor job runs once across
 * racing instances, and the admin page filters and exports. Tests that break the chain on purpose restore it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditAnchors anchors;

    final ExecutorService threads = Executors.newFixedThreadPool(4);

    AccountPrincipal admin;

    /** A subject of this test's own, so rows of other tests in the shared database do not count. */
    String subject;

    @BeforeEach
    void setUp() {
        admin = accounts.create(Role.ADMIN);
        subject = UUID.randomUUID().toString();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldLeaveNoRowWhenTheActionRollsBack() {
        long headBefore = head();

        transactions.executeWithoutResult(status -> {
            trail.record("test.rolled-back", Subject.of("test", subject), null);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> trail.record("test.kept", Subject.of("test", subject), "n=1"));

        assertThat(AuditRows.about(jdbc, "test", subject)).extracting(AuditRows.Row::action)
                .containsExactly("test.kept");
        assertThat(head()).isEqualTo(headBefore + 1);
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void shouldKeepOneUnbrokenChainWhenManyTransactionsAppendAtOnce() throws Exception {
        int writers = 4;
        int each = 15;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    int n = i;
                    transactions.executeWithoutResult(status -> trail.recordAs(Actor.system("writer-" + writer),
                            "test.concurrent", Subject.of("test", subject), AuditTrail.Outcome.SUCCESS, "n=" + n));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }

        List<AuditRows.Row> rows = AuditRows.about(jdbc, "test", subject);
        assertThat(rows).hasSize(writers * each);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as("verification %s", verification).isTrue();
        // from where retention last cut the chain (the first id) to the head
        assertThat(verification.checked()).isEqualTo(head() - jdbc.queryForObject("SELECT first_id FROM audit_head",
                Long.class) + 1);
    }

    @Test
    void shouldPointAtAChangedRow() throws Exception {
        long changed = appendThree().get(1);
        String detail = jdbc.queryForObject("SELECT detail FROM audit_event WHERE id = ?", String.class, changed);
        try {
            jdbc.update("UPDATE audit_event SET detail = 'n=99' WHERE id = ?", changed);

            String page = mvc.perform(post("/admin/audit/verify").with(signedIn(admin)).with(csrf())).andReturn()
                    .getResponse().getContentAsString();

            assertThat(page).contains("기록 #" + changed + "에서 연결이 끊겼습니다: 내용이 바뀌었습니다");
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.firstBadId()).isEqualTo(changed);
            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.CHANGED);
        } finally {
            jdbc.update("UPDATE audit_event SET detail = ? WHERE id = ?", detail, changed);
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    /** Retention moves the chain's start; the first event deleted any other way is still a broken link. */
    @Test
    void shouldReportTheFirstEventDeletedOutsideRetention() {
        appendThree();
        long first = jdbc.queryForObject("SELECT first_id FROM audit_head", Long.class);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", first);
        try {
            jdbc.update("DELETE FROM audit_event WHERE id = ?", first);

            AuditChain.Verification verification = chain.verify();

            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.BROKEN_LINK);
            assertThat(verification.firstBadId()).isEqualTo(first + 1);
        } finally {
            jdbc.update("INSERT INTO audit_event (id, occurred_at, actor_kind, actor_id, actor_role, action, "
                    + "subject_type, subject_id, outcome, client_address, detail, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("occurred_at"),
                    row.get("actor_kind"), row.get("actor_id"), row.get("actor_role"), row.get("action"),
                    row.get("subject_type"), row.get("subject_id"), row.get("outcome"), row.get("client_address"),
                    row.get("detail"), row.get("prev_hash"), row.get("hash"));
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void shouldPointAtTheRowAfterADeletedOne() {
        List<Long> ids = appendThree();
        long deleted = ids.get(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", deleted);
        try {
            jdbc.update("DELETE FROM audit_event WHERE id = ?", deleted);

            AuditChain.Verification verification = chain.verify();

            assertThat(verification.ok()).isFalse();
            assertThat(verification.firstBadId()).isEqualTo(ids.get(2));
            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.BROKEN_LINK);
        } finally {
            jdbc.update("INSERT INTO audit_event (id, occurred_at, actor_kind, actor_id, actor_role, action, "
                    + "subject_type, subject_id, outcome, client_address, detail, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("occurred_at"),
                    row.get("actor_kind"), row.get("actor_id"), row.get("actor_role"), row.get("action"),
                    row.get("subject_type"), row.get("subject_id"), row.get("outcome"), row.get("client_address"),
                    row.get("detail"), row.get("prev_hash"), row.get("hash"));
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void shouldAnchorOnceWhenTwoInstancesStartTheJobTogether() throws Exception {
        jdbc.update("DELETE FROM shedlock WHERE name = ?", AuditAnchors.JOB);
        long before = anchorCount();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                anchors.anchor();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }

        assertThat(anchorCount()).isEqualTo(before + 1);
        String hash = jdbc.queryForObject("SELECT hash FROM audit_anchor ORDER BY id DESC LIMIT 1", String.class);
        assertThat(mvc.perform(get("/admin/audit").with(signedIn(admin))).andReturn().getResponse()
                .getContentAsString()).contains(hash);
    }

    @Test
    void shouldFilterByActionActorAndSubjectNewestFirst() throws Exception {
        List<Long> ids = appendThree();
        String other = UUID.randomUUID().toString();
        trail.recordAs(Actor.system("filter-test"), "test.other", Subject.of("test", other),
                AuditTrail.Outcome.REFUSED, null);

        String page = mvc.perform(get("/admin/audit").param("subjectType", "test").param("subjectId", subject)
                .param("action", "test.").with(signedIn(admin))).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("#" + ids.get(0), "#" + ids.get(2)).doesNotContain(other);
        assertThat(page.indexOf("#" + ids.get(2))).isLessThan(page.indexOf("#" + ids.get(0)));

        String byActor = mvc.perform(get("/admin/audit").param("actorKind", "SYSTEM").param("actor", "filter-test")
                .with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(byActor).contains(other).doesNotContain(subject);
        String otherKind = mvc.perform(get("/admin/audit").param("actorKind", "DEVICE").param("actor", "filter-test")
                .with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(otherKind).doesNotContain(other);

        String now = LocalDate.now(OfficeTime.ZONE).plusDays(1) + "T00:00";
        String future = mvc.perform(get("/admin/audit").param("from", now).param("subjectId", subject)
                .with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(future).doesNotContain("#" + ids.get(0));
    }

    @Test
    void shouldAnswerABadFilterWithAMessageNotAnError() throws Exception {
        MockHttpServletResponse badTime = mvc.perform(get("/admin/audit").param("from", "yesterday")
                .with(signedIn(admin))).andReturn().getResponse();
        MockHttpServletResponse longActor = mvc.perform(get("/admin/audit").param("actor", "x".repeat(100))
                .with(signedIn(admin))).andReturn().getResponse();

        assertThat(badTime.getStatus()).isEqualTo(200);
        assertThat(badTime.getContentAsString()).contains("날짜와 시각을 2026-11-05T09:30과 같은 형식으로 입력하십시오.");
        assertThat(longActor.getStatus()).isEqualTo(200);
        assertThat(longActor.getContentAsString()).contains("64자 이내로 입력하십시오.");
    }

    @Test
    void shouldExportADateRangeAsCsvAndRecordTheExport() throws Exception {
        List<Long> ids = appendThree();
        String today = LocalDate.now(OfficeTime.ZONE).toString();

        MockHttpServletResponse response = mvc.perform(post("/admin/audit/export").param("from", today)
                .param("to", today).with(signedIn(admin)).with(csrf())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        String csv = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"id\",", "\"test.appended\"");
        assertThat(csv.lines().filter(line -> line.contains(subject))).hasSize(3);
        assertThat(csv.indexOf("n=0")).isLessThan(csv.indexOf("n=2"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.exported' "
                + "AND actor_kind = 'ACCOUNT' AND actor_id = ? AND actor_role = 'ADMIN' AND detail = ?",
                Integer.class, String.valueOf(admin.id()), "from=" + today + " to=" + today)).isEqualTo(1);
        assertThat(ids).isNotEmpty();
    }

    @Test
    void shouldRefuseAnExportWithoutARange() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/admin/audit/export").param("from", "2026-12-01")
                .param("to", "2026-11-01").with(signedIn(admin)).with(csrf())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("마지막 날은 첫날과 같거나 뒤여야 하며");
        assertThat(mvc.perform(post("/admin/audit/export").with(signedIn(admin)).with(csrf())).andReturn()
                .getResponse().getContentAsString()).contains("날짜를 입력하십시오.");
    }

    @Test
    void shouldForbidTheTrailToEveryoneButAdministrators() throws Exception {
        for (Role role : List.of(Role.CIVILIAN, Role.OFFICER, Role.CHECKPOINT, Role.SUPERVISOR)) {
            AccountPrincipal someone = accounts.create(role);
            assertThat(mvc.perform(get("/admin/audit").with(signedIn(someone))).andReturn().getResponse()
                    .getStatus()).as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(post("/admin/audit/export").param("from", "2026-12-01").param("to", "2026-12-01")
                    .with(signedIn(someone)).with(csrf())).andReturn().getResponse().getStatus()).as(role.name())
                    .isEqualTo(403);
        }
    }

    /** Three events about this test's subject, in their own transactions; their ids. */
    private List<Long> appendThree() {
        for (int n = 0; n < 3; n++) {
            trail.recordAs(Actor.system("audit-test"), "test.appended", Subject.of("test", subject),
                    AuditTrail.Outcome.SUCCESS, "n=" + n);
        }
        return AuditRows.about(jdbc, "test", subject).stream().map(AuditRows.Row::id).toList();
    }

    private long head() {
        return jdbc.queryForObject("SELECT last_id FROM audit_head", Long.class);
    }

    private long anchorCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_anchor", Long.class);
    }
}
