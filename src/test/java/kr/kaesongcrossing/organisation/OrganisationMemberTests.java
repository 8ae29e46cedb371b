package kr.kaesongcrossing.organisation;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An organisation's members: removed by a coordinator (plain members) or an officer, coordinators made plain members
 * by ADMIN, never leaving the organisation without a coordinator; the member list a page at a time; the officer's
 * list counting open requests per organisation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationMemberTests {

    private static final Pattern MEMBER_ROW = Pattern.compile("<td>member-\\d+@");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal admin;
    AccountPrincipal officer;
    long id;
    AccountPrincipal coordinator;

    @BeforeEach
    void setUp() throws Exception {
        admin = accounts.create(Role.ADMIN);
        officer = accounts.create(Role.OFFICER);
        String number = "T-" + UUID.randomUUID().toString().substring(0, 18);
        mvc.perform(post("/admin/organisations").with(signedIn(admin)).with(csrf()).param("nameKo", "개성물산")
                .param("nameEn", "Kaesong Trading").param("type", "COMPANY").param("registrationNumber", number));
        id = jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
        coordinator = accounts.create(Role.CIVILIAN, "ko", "담당자");
        nameCoordinator(coordinator);
    }

    @Test
    void shouldLetTheCoordinatorRemoveAPlainMemberButOnlyAnOfficerACoordinatorAndNeverTheLast() throws Exception {
        AccountPrincipal member = member("구성원");
        AccountPrincipal second = accounts.create(Role.CIVILIAN, "ko", "둘째 담당자");
        nameCoordinator(second);

        assertThat(page(coordinator, "/organisations/" + id)).contains("구성원 님을 기관에서 내보내기")
                .doesNotContain("둘째 담당자 님을 기관에서 내보내기");
        assertThat(remove(coordinator, member).getFlashMap().get("message")).isEqualTo("organisation.member.removed");
        assertThat(role(member)).isNull();
        assertThat(problem(remove(coordinator, second))).contains("사무소 직원만");
        assertThat(role(second)).isEqualTo("COORDINATOR");

        assertThat(remove(officer, second).getFlashMap().get("message")).isEqualTo("organisation.member.removed");
        assertThat(problem(remove(officer, coordinator))).contains("마지막 담당자");
        assertThat(role(coordinator)).isEqualTo("COORDINATOR");
        assertThat(problem(remove(officer, member))).contains("구성원이 아닙니다");
        assertThat(audited("organisation.member-removed")).isEqualTo(2);
    }

    @Test
    void shouldHideTheOrganisationFromACoordinatorOfAnotherOne() throws Exception {
        AccountPrincipal member = member("구성원");
        AccountPrincipal stranger = accounts.create(Role.CIVILIAN);

        assertThat(mvc.perform(post("/organisations/" + id + "/members/" + member.id() + "/remove")
                .with(signedIn(stranger)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(role(member)).isEqualTo("MEMBER");
    }

    @Test
    void shouldLetAdminMakeACoordinatorAPlainMemberButNotTheLastOne() throws Exception {
        AccountPrincipal second = accounts.create(Role.CIVILIAN, "ko", "둘째 담당자");
        nameCoordinator(second);
        AccountPrincipal member = member("구성원");

        assertThat(page(admin, "/admin/organisations/" + id)).contains("둘째 담당자 님을 일반 구성원으로")
                .doesNotContain("구성원 님을 일반 구성원으로");
        assertThat(demote(second).getFlashMap().get("message")).isEqualTo("organisation.admin.coordinatorDemoted");
        assertThat(role(second)).isEqualTo("MEMBER");
        assertThat(problem(demote(coordinator))).contains("마지막 담당자");
        assertThat(problem(demote(member))).contains("담당자가 아닙니다");
        assertThat(role(coordinator)).isEqualTo("COORDINATOR");
        assertThat(audited("organisation.coordinator-demoted")).isOne();
        assertThat(mvc.perform(post("/admin/organisations/" + id + "/coordinators/" + coordinator.id() + "/demote")
                .with(signedIn(officer)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void shouldShowTheMembersTwentyAtATime() throws Exception {
        for (int i = 0; i < 24; i++) {
            jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at, version)"
                    + " VALUES (?, ?, 'MEMBER', ?, 0)", id, accounts.create(Role.CIVILIAN).id(),
                    Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
        }

        String first = page(officer, "/organisations/" + id);
        String second = page(officer, "/organisations/" + id + "?page=2");
        assertThat(first).contains("담당자", "page=2").doesNotContain("page=3");
        assertThat(rows(first) + rows(second)).isEqualTo(25);
        assertThat(rows(second)).isEqualTo(5);
        assertThat(rows(page(officer, "/organisations/" + id + "?page=99"))).as("past the last page: the last").isEqualTo(5);
        assertThat(rows(page(admin, "/admin/organisations/" + id + "?page=2"))).isEqualTo(5);
        assertThat(mvc.perform(get("/organisations/" + id + "?page=0x10").with(signedIn(officer))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void shouldCountOpenRequestsPerOrganisationForOfficers() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/organisations/" + id + "/join").with(signedIn(accounts.create(Role.CIVILIAN)))
                    .with(csrf()));
        }
        String list = page(officer, "/organisations");
        assertThat(list).containsPattern("개성물산[\\s\\S]*?<td>3</td>");
    }

    private AccountPrincipal member(String name) {
        AccountPrincipal member = accounts.create(Role.CIVILIAN, "ko", name);
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at, version)"
                + " VALUES (?, ?, 'MEMBER', ?, 0)", id, member.id(), Timestamp.from(Instant.now()));
        return member;
    }

    private void nameCoordinator(AccountPrincipal person) throws Exception {
        mvc.perform(post("/admin/organisations/" + id + "/coordinators").with(signedIn(admin)).with(csrf())
                .param("email", person.email()));
    }

    private MvcResult remove(AccountPrincipal who, AccountPrincipal member) throws Exception {
        return mvc.perform(post("/organisations/" + id + "/members/" + member.id() + "/remove").with(signedIn(who))
                .with(csrf())).andReturn();
    }

    private MvcResult demote(AccountPrincipal who) throws Exception {
        return mvc.perform(post("/admin/organisations/" + id + "/coordinators/" + who.id() + "/demote")
                .with(signedIn(admin)).with(csrf())).andReturn();
    }

    private static String problem(MvcResult result) {
        return (String) result.getFlashMap().get("problem");
    }

    private String page(AccountPrincipal who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static int rows(String html) {
        return html.split("<td>\\d{4}-\\d{2}-\\d{2}</td>", -1).length - 1;
    }

    private String role(AccountPrincipal person) {
        return jdbc.query("SELECT role FROM organisation_member WHERE organisation_id = ? AND account_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, id, person.id());
    }

    private long audited(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = ? "
                + "AND subject_id = ?", Long.class, action, "organisation", String.valueOf(id));
    }
}
