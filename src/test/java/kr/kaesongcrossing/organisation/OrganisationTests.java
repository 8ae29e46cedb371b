package kr.kaesongcrossing.organisation;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Organisations end to end on the test database: ADMIN creates them and names coordinators, a civilian asks to
 * join, a coordinator of that organisation or an officer decides once, and nobody sees another organisation's
 * members or requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal admin;
    AccountPrincipal officer;

    @BeforeEach
    void setUp() {
        admin = accounts.create(Role.ADMIN);
        officer = accounts.create(Role.OFFICER);
    }

    @Test
    void shouldCreateAnOrganisationThatAdminListsAndTheAuditTrailRecords() throws Exception {
        String number = number();

        MvcResult created = mvc.perform(post("/admin/organisations").with(signedIn(admin)).with(csrf())
                .param("nameKo", "평화물산").param("nameEn", "Pyeonghwa Trading").param("type", "COMPANY")
                .param("registrationNumber", number)).andReturn();

        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/organisations");
        assertThat(created.getFlashMap().get("message")).isEqualTo("organisation.admin.created");
        long id = organisationId(number);
        assertThat(page(admin, "/admin/organisations")).contains("평화물산", "Pyeonghwa Trading", number, "기업");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'organisation.created' "
                + "AND subject_type = 'organisation' AND subject_id = ?", Long.class, String.valueOf(id))).isOne();
    }

    @Test
    void shouldEditAnOrganisation() throws Exception {
        long id = organisation("개성봉제", "Kaesong Sewing");

        mvc.perform(post("/admin/organisations/" + id).with(signedIn(admin)).with(csrf())
                .param("nameKo", "개성봉제 주식회사").param("nameEn", "Kaesong Sewing Co.").param("type", "COMPANY")
                .param("registrationNumber", number()));

        assertThat(page(admin, "/admin/organisations/" + id)).contains("개성봉제 주식회사", "Kaesong Sewing Co.");
        assertThat(audited("organisation.changed", "organisation", id)).isOne();
    }

    @Test
    void shouldRefuseBadInputWithMessagesAndNoServerError() throws Exception {
        long before = count("organisation");
        String taken = number();
        organisation("기존 기관", "Existing", taken);

        for (String[] bad : List.of(
                new String[] {"", "Name", "COMPANY", number()},
                new String[] {"이름", "Name", "KING", number()},
                new String[] {"이름", "Name", "NGO", "<script>alert(1)</script>"},
                new String[] {"가".repeat(101), "Name", "NGO", number()},
                new String[] {"이름", "Name", "PRESS", taken})) {
            MockHttpServletResponse response = mvc.perform(post("/admin/organisations").with(signedIn(admin))
                    .with(csrf()).param("nameKo", bad[0]).param("nameEn", bad[1]).param("type", bad[2])
                    .param("registrationNumber", bad[3])).andReturn().getResponse();
            assertThat(response.getStatus()).as(String.join(",", bad)).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("form-hint-invalid").doesNotContain("<script>alert");
        }
        assertThat(count("organisation")).isEqualTo(before + 1);
        assertThat(page(admin, "/admin/organisations/" + organisationId(taken))).contains("기존 기관");
        assertThat(mvc.perform(get("/admin/organisations/999999999").with(signedIn(admin))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/organisations/not-a-number").with(signedIn(officer))).andReturn().getResponse()
                .getStatus()).isLessThan(500);
    }

    @Test
    void shouldLetACivilianAskAndTheCoordinatorAccept() throws Exception {
        long id = organisation("남북물류", "Inter-Korean Logistics");
        AccountPrincipal coordinator = coordinatorOf(id);
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "ko", "신청 희망자");

        assertThat(page(civilian, "/organisations")).contains("남북물류", "가입 신청");
        MvcResult asked = mvc.perform(post("/organisations/" + id + "/join").with(signedIn(civilian)).with(csrf()))
                .andReturn();
        assertThat(asked.getFlashMap().get("message")).isEqualTo("organisation.join.sent");
        assertThat(page(civilian, "/organisations")).contains("신청함", "결정 대기");

        assertThat(page(coordinator, "/organisations/" + id)).contains("신청 희망자", civilian.email());
        long request = requestId(id, civilian);
        MvcResult accepted = mvc.perform(post("/organisations/" + id + "/requests/" + request + "/accept")
                .with(signedIn(coordinator)).with(csrf())).andReturn();

        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/organisations/" + id);
        assertThat(accepted.getFlashMap().get("message")).isEqualTo("organisation.request.accepted");
        assertThat(role(id, civilian)).isEqualTo("MEMBER");
        assertThat(page(civilian, "/organisations")).contains("수락됨", "구성원");
        assertThat(audited("organisation.join-requested", "membership-request", request)).isOne();
        assertThat(audited("organisation.join-accepted", "membership-request", request)).isOne();
    }

    @Test
    void shouldLetAnOfficerDeclineOnceAndRefuseDecidingAgain() throws Exception {
        long id = organisation("통일언론", "Unification Press", number(), "PRESS");
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        mvc.perform(post("/organisations/" + id + "/join").with(signedIn(civilian)).with(csrf()));
        long request = requestId(id, civilian);
        assertThat(page(officer, "/organisations")).contains("통일언론");

        mvc.perform(post("/organisations/" + id + "/requests/" + request + "/decline").with(signedIn(officer))
                .with(csrf()));
        MvcResult again = mvc.perform(post("/organisations/" + id + "/requests/" + request + "/accept")
                .with(signedIn(officer)).with(csrf())).andReturn();

        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/organisations/" + id);
        assertThat(again.getFlashMap().get("problem")).isEqualTo("이미 결정된 신청입니다.");
        assertThat(status(request)).isEqualTo("DECLINED");
        assertThat(role(id, civilian)).isNull();
        assertThat(audited("organisation.join-declined", "membership-request", request)).isOne();
        assertThat(audited("organisation.join-accepted", "membership-request", request)).isZero();
        assertThat(page(civilian, "/organisations")).contains("거절됨");
    }

    @Test
    void shouldRefuseAskingTwiceOrAsAMember() throws Exception {
        long id = organisation("개성의료", "Kaesong Medical", number(), "NGO");
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        mvc.perform(post("/organisations/" + id + "/join").with(signedIn(civilian)).with(csrf()));

        MvcResult twice = mvc.perform(post("/organisations/" + id + "/join").with(signedIn(civilian)).with(csrf()))
                .andReturn();
        assertThat(twice.getFlashMap().get("problem")).isEqualTo("이미 이 기관에 가입을 신청했습니다.");

        AccountPrincipal coordinator = coordinatorOf(id);
        MvcResult member = mvc.perform(post("/organisations/" + id + "/join").with(signedIn(coordinator))
                .with(csrf())).andReturn();
        assertThat(member.getFlashMap().get("problem")).isEqualTo("이미 이 기관의 구성원입니다.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE organisation_id = ?",
                Long.class, id)).isOne();
        assertThat(mvc.perform(post("/organisations/999999999/join").with(signedIn(civilian)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** Two tabs send "ask to join" at the same moment: one request, and the other tab is told so (no error). */
    @Test
    void shouldKeepOneOpenRequestWhenAskingTwiceAtOnce() throws Exception {
        long id = organisation("동시 기관", "Simultaneous");
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MvcResult>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/organisations/" + id + "/join").with(signedIn(civilian))
                            .with(csrf())).andReturn();
                }));
            }
            start.countDown();
            List<Object> messages = new ArrayList<>();
            for (Future<MvcResult> answer : answers) {
                MvcResult result = answer.get();
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organisations");
                messages.add(result.getFlashMap().getOrDefault("message", result.getFlashMap().get("problem")));
            }
            assertThat(messages).containsExactlyInAnyOrder("organisation.join.sent", "이미 이 기관에 가입을 신청했습니다.");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE organisation_id = ?",
                Long.class, id)).isOne();
    }

    @Test
    void shouldShowACoordinatorNothingOfOtherOrganisations() throws Exception {
        long mine = organisation("우리 기관", "Our Organisation");
        long other = organisation("다른 기관", "Other Organisation");
        AccountPrincipal coordinator = coordinatorOf(mine);
        AccountPrincipal otherMember = accounts.create(Role.CIVILIAN, "ko", "다른기관 구성원");
        AccountPrincipal asking = accounts.create(Role.CIVILIAN, "ko", "다른기관 신청자");
        nameCoordinator(other, accounts.create(Role.CIVILIAN));
        mvc.perform(post("/organisations/" + other + "/join").with(signedIn(asking)).with(csrf()));
        long request = requestId(other, asking);
        // the coordinator of one organisation is a plain member of the other: still nothing to see there
        mvc.perform(post("/organisations/" + other + "/join").with(signedIn(coordinator)).with(csrf()));
        mvc.perform(post("/organisations/" + other + "/requests/" + requestId(other, coordinator) + "/accept")
                .with(signedIn(officer)).with(csrf()));
        assertThat(role(other, coordinator)).isEqualTo("MEMBER");

        MockHttpServletResponse page = mvc.perform(get("/organisations/" + other).with(signedIn(coordinator)))
                .andReturn().getResponse();
        MockHttpServletResponse accept = mvc.perform(post("/organisations/" + other + "/requests/" + request
                + "/accept").with(signedIn(coordinator)).with(csrf())).andReturn().getResponse();
        MockHttpServletResponse viaMine = mvc.perform(post("/organisations/" + mine + "/requests/" + request
                + "/decline").with(signedIn(coordinator)).with(csrf())).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString()).doesNotContain("다른기관 신청자", asking.email());
        assertThat(accept.getStatus()).isEqualTo(404);
        assertThat(viaMine.getStatus()).isEqualTo(404);
        assertThat(status(request)).isEqualTo("PENDING");
        assertThat(page(coordinator, "/organisations")).doesNotContain("다른기관 신청자", otherMember.email());
        assertThat(page(coordinator, "/organisations/" + mine)).contains("우리 기관")
                .doesNotContain("다른기관 신청자");
        // a plain member does not see their own organisation's members or requests either
        assertThat(mvc.perform(get("/organisations/" + other).with(signedIn(asking))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void shouldNameAMemberCoordinatorAndRefuseUnknownOrStaffEmails() throws Exception {
        long id = organisation("개성전자", "Kaesong Electronics");
        AccountPrincipal person = accounts.create(Role.CIVILIAN);
        mvc.perform(post("/organisations/" + id + "/join").with(signedIn(person)).with(csrf()));
        mvc.perform(post("/organisations/" + id + "/requests/" + requestId(id, person) + "/accept")
                .with(signedIn(officer)).with(csrf()));

        nameCoordinator(id, person);
        MvcResult twice = mvc.perform(post("/admin/organisations/" + id + "/coordinators").with(signedIn(admin))
                .with(csrf()).param("email", person.email())).andReturn();
        MvcResult staff = mvc.perform(post("/admin/organisations/" + id + "/coordinators").with(signedIn(admin))
                .with(csrf()).param("email", officer.email())).andReturn();
        MockHttpServletResponse notEmail = mvc.perform(post("/admin/organisations/" + id + "/coordinators")
                .with(signedIn(admin)).with(csrf()).param("email", "not an email")).andReturn().getResponse();

        assertThat(role(id, person)).isEqualTo("COORDINATOR");
        assertThat(twice.getFlashMap().get("problem")).isEqualTo("이미 이 기관의 담당자입니다.");
        assertThat(staff.getFlashMap().get("problem")).isEqualTo("이 이메일을 쓰는 활성 신청인 계정이 없습니다.");
        assertThat(notEmail.getStatus()).isEqualTo(200);
        assertThat(notEmail.getContentAsString()).contains("form-hint-invalid");
        assertThat(role(id, officer)).isNull();
        assertThat(audited("organisation.coordinator-named", "organisation", id)).isOne();
        assertThat(page(person, "/organisations/" + id)).contains("개성전자");
    }

    private AccountPrincipal coordinatorOf(long organisationId) throws Exception {
        AccountPrincipal coordinator = accounts.create(Role.CIVILIAN, "ko", "담당자 " + organisationId);
        nameCoordinator(organisationId, coordinator);
        return coordinator;
    }

    private void nameCoordinator(long organisationId, AccountPrincipal person) throws Exception {
        MvcResult named = mvc.perform(post("/admin/organisations/" + organisationId + "/coordinators")
                .with(signedIn(admin)).with(csrf()).param("email", person.email())).andReturn();
        assertThat(named.getFlashMap().get("message")).isEqualTo("organisation.admin.coordinatorNamed");
    }

    private long organisation(String nameKo, String nameEn) throws Exception {
        return organisation(nameKo, nameEn, number());
    }

    private long organisation(String nameKo, String nameEn, String number) throws Exception {
        return organisation(nameKo, nameEn, number, "COMPANY");
    }

    private long organisation(String nameKo, String nameEn, String number, String type) throws Exception {
        mvc.perform(post("/admin/organisations").with(signedIn(admin)).with(csrf()).param("nameKo", nameKo)
                .param("nameEn", nameEn).param("type", type).param("registrationNumber", number));
        return organisationId(number);
    }

    private String page(AccountPrincipal who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String number() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private long organisationId(String number) {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    private long requestId(long organisationId, AccountPrincipal person) {
        return jdbc.queryForObject("SELECT id FROM membership_request WHERE organisation_id = ? AND account_id = ?",
                Long.class, organisationId, person.id());
    }

    private String status(long requestId) {
        return jdbc.queryForObject("SELECT status FROM membership_request WHERE id = ?", String.class, requestId);
    }

    private String role(long organisationId, AccountPrincipal person) {
        return jdbc.query("SELECT role FROM organisation_member WHERE organisation_id = ? AND account_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, organisationId, person.id());
    }

    private long audited(String action, String subjectType, long subjectId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = ? "
                + "AND subject_id = ?", Long.class, action, subjectType, String.valueOf(subjectId));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
