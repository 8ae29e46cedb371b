package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class AdminUsersTests {

    private static final String GOOD_PASSWORD = "tidal flats at ganghwa";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    AccountPrincipal admin;

    @BeforeEach
    void setUp() {
        admin = accounts.create(Role.ADMIN);
    }

    @Test
    void shouldListAccountsPageByPage() throws Exception {
        for (int i = 0; i < UserAdministration.PAGE_SIZE; i++) {
            accounts.create(Role.CIVILIAN);
        }

        String first = mvc.perform(get("/admin/users").with(signedIn(admin))).andReturn().getResponse()
                .getContentAsString();
        String second = mvc.perform(get("/admin/users").param("page", "2").with(signedIn(admin))).andReturn()
                .getResponse().getContentAsString();

        assertThat(first).contains("krds-pagination", "href=\"/admin/users?page=2\"", "aria-current=\"page\"");
        assertThat(second).contains("href=\"/admin/users?page=1\"");
        assertThat(first.split("<tr>").length - 2).isEqualTo(UserAdministration.PAGE_SIZE);
    }

    @Test
    void shouldOfferTheStaffFormWithEachFieldOnce() throws Exception {
        String page = mvc.perform(get("/admin/users/new").with(signedIn(admin))).andReturn().getResponse()
                .getContentAsString();

        for (String field : new String[] {"email", "displayName", "role", "language", "password"}) {
            assertThat(page.split("name=\"" + field + "\"", -1)).as(field).hasSize(2);
        }
        assertThat(page).contains("value=\"CHECKPOINT\"").doesNotContain("value=\"CIVILIAN\"");
    }

    @Test
    void shouldCreateAStaffAccount() throws Exception {
        String email = "officer-" + UUID.randomUUID() + "@test.example";

        MvcResult result = create(email, "OFFICER", GOOD_PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(result.getFlashMap().get("message")).isEqualTo("admin.users.created");
        TestAccounts.Snapshot saved = accounts.find(email).orElseThrow();
        assertThat(saved.role()).isEqualTo(Role.OFFICER);
        assertThat(saved.enabled()).isTrue();
    }

    @Test
    void shouldRefuseAStaffPasswordOutsideThePolicy() throws Exception {
        String email = "weak-staff-" + UUID.randomUUID() + "@test.example";

        MockHttpServletResponse response = create(email, "CHECKPOINT", "qwertyuiopasdf").getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("너무 흔하거나 추측하기 쉬운 비밀번호입니다");
        assertThat(accounts.find(email)).isEmpty();
    }

    @Test
    void shouldNotCreateACivilianOrAnUnknownRoleAsStaff() throws Exception {
        String email = "civ-" + UUID.randomUUID() + "@test.example";

        assertThat(create(email, "CIVILIAN", GOOD_PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(create(email, "ROOT", GOOD_PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(accounts.find(email)).isEmpty();
    }

    @Test
    void shouldChangeARole() throws Exception {
        AccountPrincipal staff = accounts.create(Role.OFFICER);

        mvc.perform(post("/admin/users/{id}/role", staff.id()).param("role", "CHECKPOINT").with(csrf())
                .with(signedIn(admin)));

        assertThat(accounts.find(staff.email()).orElseThrow().role()).isEqualTo(Role.CHECKPOINT);
    }

    @Test
    void shouldDisableAndEnableAnAccount() throws Exception {
        AccountPrincipal staff = accounts.create(Role.CHECKPOINT);

        mvc.perform(post("/admin/users/{id}/disable", staff.id()).with(csrf()).with(signedIn(admin)));
        assertThat(accounts.find(staff.email()).orElseThrow().enabled()).isFalse();

        mvc.perform(post("/admin/users/{id}/enable", staff.id()).with(csrf()).with(signedIn(admin)));
        assertThat(accounts.find(staff.email()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void shouldNotLetAnAdministratorDisableOrDemoteThemselves() throws Exception {
        MvcResult disable = mvc.perform(post("/admin/users/{id}/disable", admin.id()).with(csrf()).with(signedIn(admin)))
                .andReturn();
        MvcResult demote = mvc.perform(post("/admin/users/{id}/role", admin.id()).param("role", "OFFICER")
                .with(csrf()).with(signedIn(admin))).andReturn();

        assertThat(disable.getFlashMap().get("problem")).isEqualTo("자신의 계정은 사용 중지하거나 권한을 낮출 수 없습니다.");
        assertThat(demote.getFlashMap().get("problem")).isEqualTo("자신의 계정은 사용 중지하거나 권한을 낮출 수 없습니다.");
        TestAccounts.Snapshot stored = accounts.find(admin.email()).orElseThrow();
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void shouldRefuseToDisableAnAlreadyDisabledAccountWithAMessage() throws Exception {
        AccountPrincipal staff = accounts.create(Role.OFFICER);
        mvc.perform(post("/admin/users/{id}/disable", staff.id()).with(csrf()).with(signedIn(admin)));

        MvcResult again = mvc.perform(post("/admin/users/{id}/disable", staff.id()).with(csrf()).with(signedIn(admin)))
                .andReturn();

        assertThat(again.getFlashMap().get("problem")).isEqualTo("이미 사용 중지된 계정입니다.");
    }

    @Test
    void shouldForbidOtherRolesToManageUsers() throws Exception {
        AccountPrincipal officer = accounts.create(Role.OFFICER);
        String email = "forbidden-" + UUID.randomUUID() + "@test.example";

        MockHttpServletResponse response = mvc.perform(post("/admin/users").with(csrf()).with(signedIn(officer))
                .param("email", email).param("displayName", "X").param("role", "ADMIN").param("language", "ko")
                .param("password", GOOD_PASSWORD)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(accounts.find(email)).isEmpty();
    }

    private MvcResult create(String email, String role, String password) throws Exception {
        return mvc.perform(post("/admin/users").with(csrf()).with(signedIn(admin)).param("email", email)
                .param("displayName", "Staff Member").param("role", role).param("language", "en")
                .param("password", password)).andReturn();
    }
}
