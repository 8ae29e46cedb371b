package kr.kaesongcrossing.audit;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A sample of audited actions done the way users do them: each leaves one event with the right actor, role,
 * subject and outcome, and a refused change leaves none.
 */
class AuditedActionsTests extends ApplicationTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldRecordAFailedSignInAsRefusedFromTheClientAddress() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(post("/login").with(csrf()).param("username", civilian.email()).param("password", "wrong guess"));

        assertThat(AuditRows.about(jdbc, "account", civilian.id())).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("login.failed");
            assertThat(row.outcome()).isEqualTo("REFUSED");
            assertThat(row.actorKind()).isEqualTo("ANONYMOUS");
            assertThat(row.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(row.detail()).isEqualTo("reason=password");
        });
    }

    @Test
    void shouldRecordARoleChangeByTheAdministratorAndNoRefusedOne() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN);
        AccountPrincipal officer = account(Role.OFFICER);

        mvc.perform(post("/admin/users/{id}/role", officer.id()).param("role", "SUPERVISOR").with(signedIn(admin))
                .with(csrf()));
        mvc.perform(post("/admin/users/{id}/role", admin.id()).param("role", "OFFICER").with(signedIn(admin))
                .with(csrf()));

        assertThat(AuditRows.about(jdbc, "account", officer.id())).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("account.role-changed");
            assertThat(row.actorId()).isEqualTo(String.valueOf(admin.id()));
            assertThat(row.actorRole()).isEqualTo("ADMIN");
            assertThat(row.detail()).isEqualTo("from=OFFICER to=SUPERVISOR");
        });
        assertThat(AuditRows.about(jdbc, "account", admin.id())).as("the refused change of the admin's own role")
                .isEmpty();
    }

    @Test
    void shouldRecordTheApplicantsSubmissionAndTheOfficersDecision() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);

        mvc.perform(post("/review/applications/{id}/approve", id).param("version", String.valueOf(version(id)))
                .with(signedIn(officer)).with(csrf()));

        List<AuditRows.Row> rows = AuditRows.about(jdbc, "application", id);
        assertThat(rows).extracting(AuditRows.Row::detail).containsExactly("to=DRAFT", "from=DRAFT to=SUBMITTED",
                "from=SUBMITTED to=" + statusOf(id));
        assertThat(rows).extracting(AuditRows.Row::action).containsOnly("application.status-changed");
        assertThat(rows).extracting(AuditRows.Row::actorId).containsExactly(String.valueOf(civilian.id()),
                String.valueOf(civilian.id()), String.valueOf(officer.id()));
        assertThat(rows.get(2).actorRole()).isEqualTo("OFFICER");
    }

    @Test
    void shouldRecordAPassRevokedByAnOfficer() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        CheckpointFixtures.IssuedPass pass = new CheckpointFixtures(jdbc, events, transactions, accounts)
                .pass("감사가");

        mvc.perform(post("/passes/{id}/revoke", pass.passId()).param("reason", "분실 신고").with(signedIn(officer))
                .with(csrf()));

        assertThat(AuditRows.about(jdbc, "pass", pass.passId())).extracting(AuditRows.Row::action)
                .containsExactly("pass.issued", "pass.revoked");
        AuditRows.Row revoked = AuditRows.about(jdbc, "pass", pass.passId()).get(1);
        assertThat(revoked.actorId()).isEqualTo(String.valueOf(officer.id()));
        assertThat(revoked.actorRole()).isEqualTo("OFFICER");
        assertThat(revoked.detail()).as("the free-text reason stays out of the trail").isEqualTo("cause=officer");
    }

    @Test
    void shouldRecordAScannerDeviceIssuedWithoutItsToken() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN);
        String name = "lane-" + UUID.randomUUID();

        String page = mvc.perform(post("/admin/devices").param("name", name).with(signedIn(admin)).with(csrf()))
                .andReturn().getResponse().getContentAsString();

        long device = jdbc.queryForObject("SELECT id FROM checkpoint_device WHERE name = ?", Long.class, name);
        assertThat(AuditRows.about(jdbc, "device", device)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("device.issued");
            assertThat(row.actorId()).isEqualTo(String.valueOf(admin.id()));
            assertThat(row.detail()).isNull();
        });
        String token = page.substring(page.indexOf("kcd_"), page.indexOf("kcd_") + 20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?", Integer.class,
                "%" + token + "%")).isZero();
    }
}
