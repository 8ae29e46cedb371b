package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app on a real port against the configured test database (H2, or MariaDB/MySQL with KC_TEST_DB=mysql),
 * driven over HTTP like a browser: cookies, CSRF tokens from the pages, redirects, real error-page forwarding.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FullStackTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts accountApi;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldLogInWithANewSessionIdAndLandOnTheRoleHome() {
        AccountPrincipal officer = accounts.create(Role.OFFICER);
        TestHttp http = new TestHttp(port);

        HttpResponse<String> loginPage = http.get("/login");
        String before = http.cookie("KCSESSION");
        assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("KCSESSION=").contains("HttpOnly", "SameSite=Lax"));

        HttpResponse<String> login = http.login(officer.email(), TestAccounts.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(login)).isEqualTo("http://localhost:" + port + "/");
        assertThat(http.cookie("KCSESSION")).isNotNull().isNotEqualTo(before);
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(officer.displayName(), "href=\"/review\"");
        assertThat(home.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void shouldKeepSessionsInTheDatabaseWithAThirtyMinuteIdleTimeout() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        TestHttp http = new TestHttp(port);
        http.login(civilian.email(), TestAccounts.PASSWORD);

        List<Integer> idle = jdbc.queryForList(
                "SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class,
                civilian.email());

        assertThat(idle).containsExactly(1800);
    }

    @Test
    void shouldEndTheSessionsOfAnAccountWhenAnAdministratorDisablesIt() {
        AccountPrincipal admin = accounts.create(Role.ADMIN);
        AccountPrincipal staff = accounts.create(Role.CHECKPOINT);
        TestHttp staffBrowser = new TestHttp(port);
        TestHttp staffPhone = new TestHttp(port);
        staffBrowser.login(staff.email(), TestAccounts.PASSWORD);
        staffPhone.login(staff.email(), TestAccounts.PASSWORD);
        assertThat(staffBrowser.get("/").statusCode()).isEqualTo(200);

        TestHttp adminBrowser = new TestHttp(port);
        adminBrowser.login(admin.email(), TestAccounts.PASSWORD);
        HttpResponse<String> disabled = adminBrowser.postForm("/admin/users", "/admin/users/" + staff.id() + "/disable",
                Map.of());
        assertThat(TestHttp.location(disabled)).endsWith("/admin/users");

        assertThat(TestHttp.location(staffBrowser.get("/"))).endsWith("/login");
        assertThat(TestHttp.location(staffPhone.get("/"))).endsWith("/login");
        assertThat(TestHttp.location(staffBrowser.login(staff.email(), TestAccounts.PASSWORD))).endsWith("/login?error");
        assertThat(adminBrowser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldUseTheAccountLanguageAtLoginAndRememberASwitch() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        TestHttp http = new TestHttp(port);

        http.login(civilian.email(), TestAccounts.PASSWORD);
        assertThat(http.get("/").body()).contains("<html lang=\"en\"", "My applications");

        assertThat(http.get("/?lang=ko").body()).contains("<html lang=\"ko\"", "나의 신청");
        assertThat(accountApi.contact(civilian.id()).orElseThrow().language()).isEqualTo("ko");

        TestHttp later = new TestHttp(port);
        later.get("/login?lang=en");
        later.login(civilian.email(), TestAccounts.PASSWORD);
        assertThat(later.get("/").body()).contains("<html lang=\"ko\"");
    }

    @Test
    void shouldShowLocalizedErrorPagesWithoutTechnicalDetail() {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        TestHttp http = new TestHttp(port);
        http.login(admin.email(), TestAccounts.PASSWORD);

        HttpResponse<String> badPage = http.get("/admin/users?page=abc");
        HttpResponse<String> missing = http.get("/no/such/page");

        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("The request is not valid").doesNotContain("Exception", "NumberFormat");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("Exception");
        assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void shouldRedirectAnonymousVisitorsToLoginAndAnswerHealth() {
        TestHttp http = new TestHttp(port);

        assertThat(TestHttp.location(http.get("/admin/users"))).endsWith("/login");
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }
}
