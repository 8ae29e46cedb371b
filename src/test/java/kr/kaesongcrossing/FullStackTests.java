package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.WebClient.Answer;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app on a real port against the configured test database (H2, or MariaDB/MySQL with KC_TEST_DB=mysql),
 * driven over HTTP like a browser: cookies, CSRF tokens from the pages, redirects, real error-page forwarding.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
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
        WebClient http = browser();

        Answer loginPage = http.get("/login");
        String before = http.cookie("KCSESSION").orElse(null);
        assertThat(loginPage.headers("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("KCSESSION=").contains("HttpOnly", "SameSite=Lax"));

        Answer login = http.postLogin(officer.email(), TestAccounts.PASSWORD);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).isEqualTo(http.baseUrl() + "/");
        assertThat(http.cookie("KCSESSION").orElse(null)).isNotNull().isNotEqualTo(before);
        assertThat(http.secondFactorIfAsked(officer.email())).isTrue();
        Answer home = http.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(officer.displayName(), "href=\"/review\"");
        assertThat(home.header("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void shouldKeepSessionsInTheDatabaseWithAThirtyMinuteIdleTimeout() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        WebClient http = browser();
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
        WebClient staffBrowser = browser();
        WebClient staffPhone = browser();
        staffBrowser.login(staff.email(), TestAccounts.PASSWORD);
        staffPhone.login(staff.email(), TestAccounts.PASSWORD);
        assertThat(staffBrowser.get("/").status()).isEqualTo(200);

        WebClient adminBrowser = browser();
        adminBrowser.login(admin.email(), TestAccounts.PASSWORD);
        adminBrowser.open("/admin/users");
        Answer disabled = adminBrowser.postForm("/admin/users/" + staff.id() + "/disable", Map.of());
        assertThat(disabled.location()).endsWith("/admin/users");

        assertThat(staffBrowser.get("/").location()).endsWith("/login");
        assertThat(staffPhone.get("/").location()).endsWith("/login");
        assertThat(staffBrowser.postLogin(staff.email(), TestAccounts.PASSWORD).location()).endsWith("/login?error");
        assertThat(adminBrowser.get("/").status()).isEqualTo(200);
    }

    @Test
    void shouldUseTheAccountLanguageAtLoginAndRememberASwitch() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        WebClient http = browser();

        http.login(civilian.email(), TestAccounts.PASSWORD);
        assertThat(http.get("/").body()).contains("<html lang=\"en\"", "My applications");

        assertThat(http.get("/?lang=ko").body()).contains("<html lang=\"ko\"", "나의 신청");
        assertThat(accountApi.contact(civilian.id()).orElseThrow().language()).as("a GET changes no account")
                .isEqualTo("en");
        http.get("/?lang=en");

        http.open("/applications");
        Answer switched = http.postForm("/account/language", Map.of("lang", "ko", "returnTo", "/applications?lang=ko"));
        assertThat(switched.location()).endsWith("/applications?lang=ko");
        assertThat(http.get("/").body()).contains("<html lang=\"ko\"", "나의 신청");
        assertThat(accountApi.contact(civilian.id()).orElseThrow().language()).isEqualTo("ko");
        assertThat(http.postForm("/account/language", Map.of("lang", "ko", "returnTo", "//evil.example/"))
                .location()).doesNotContain("evil");

        WebClient later = browser();
        later.get("/login?lang=en");
        later.login(civilian.email(), TestAccounts.PASSWORD);
        assertThat(later.get("/").body()).contains("<html lang=\"ko\"");
    }

    @Test
    void shouldShowLocalizedErrorPagesWithoutTechnicalDetail() {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        WebClient http = browser();
        http.login(admin.email(), TestAccounts.PASSWORD);

        Answer badPage = http.get("/admin/users?page=abc");
        Answer missing = http.get("/no/such/page");

        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("The request is not valid").doesNotContain("Exception", "NumberFormat");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("Exception");
        assertThat(missing.header("Content-Security-Policy")).isPresent();
    }

    @Test
    void shouldRedirectAnonymousVisitorsToLoginAndAnswerHealth() {
        WebClient http = browser();

        assertThat(http.get("/admin/users").location()).endsWith("/login");
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private WebClient browser() {
        return WebClient.forPort(port).acceptingHtml();
    }
}
