package kr.kaesongcrossing.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Map;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.SignedIn;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff second factor over HTTP with real sign-ins: what the password alone reaches, codes computed here as
 * an authenticator app would (each good once), enrolment, recovery codes, the lock after wrong codes, the continue
 * URL, an administrator's reset and the fresh code sensitive actions ask for (step-up).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecondFactorTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    TotpSecretsSealed sealed;

    @Test
    void shouldSendStaffWithThePasswordAloneToTheSecondFactorAndLetThemInWithACode() {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        WebClient browser = browser();

        assertThat(browser.postLogin(officer.email(), TestAccounts.PASSWORD).location()).endsWith("/");
        Answer review = browser.get("/review");
        assertThat(review.location()).endsWith("/account/second-factor?continue=%2Freview");
        assertThat(browser.get("/account/password").location()).contains("/account/second-factor?continue=");
        Answer page = browser.open("/account/second-factor?continue=%2Freview");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("authenticator app");
        String session = browser.cookie("KCSESSION").orElseThrow();

        Answer passed = browser.postForm("/account/second-factor",
                Map.of("code", currentCode(), "continue", "/review"));

        assertThat(passed.location()).endsWith("/review");
        assertThat(browser.get("/review").status()).isEqualTo(200);
        assertThat(browser.cookie("KCSESSION").orElseThrow()).as("a new session id").isNotEqualTo(session);
    }

    @Test
    void shouldLeaveCiviliansAsTheyWere() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        WebClient browser = browser();

        assertThat(browser.login(civilian.email(), TestAccounts.PASSWORD)).isTrue();
        assertThat(browser.get("/applications").status()).isEqualTo(200);
        assertThat(browser.get("/account/second-factor").location()).endsWith("/");
    }

    @Test
    void shouldRefuseACodeUsedBefore() {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        String code = currentCode();
        WebClient first = passwordOnly(officer);
        assertThat(first.postForm("/account/second-factor", Map.of("code", code)).location()).endsWith("/");

        WebClient second = passwordOnly(officer);
        Answer replay = second.postForm("/account/second-factor", Map.of("code", code));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).contains("not correct or was already used");
        assertThat(second.get("/review").location()).contains("/account/second-factor?continue=");
    }

    @Test
    void shouldTakeARecoveryCodeOnce() {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        String recovery = TestAccounts.RECOVERY_CODES.get(3);

        WebClient first = passwordOnly(admin);
        assertThat(first.postForm("/account/second-factor", Map.of("code", recovery.toUpperCase()))
                .location()).endsWith("/");
        assertThat(first.get("/admin/users").status()).isEqualTo(200);

        WebClient second = passwordOnly(admin);
        assertThat(second.postForm("/account/second-factor", Map.of("code", recovery)).status()).isEqualTo(200);
        assertThat(second.get("/admin/users").location()).contains("/account/second-factor?continue=");
    }

    @Test
    void shouldLockTheAccountAfterWrongCodesAndSignOut() {
        AccountPrincipal checkpoint = accounts.create(Role.CHECKPOINT, "en");
        WebClient browser = passwordOnly(checkpoint);

        Answer last = null;
        for (int i = 0; i < 5; i++) {
            last = browser.postForm("/account/second-factor", Map.of("code", "000000".equals(currentCode())
                    ? "111111" : "000000"));
        }

        assertThat(last.location()).endsWith("/login?locked");
        assertThat(accounts.find(checkpoint.email()).orElseThrow().lockSet()).isTrue();
        assertThat(browser.get("/checkpoint").location()).endsWith("/login");
        assertThat(browser().postLogin(checkpoint.email(), TestAccounts.PASSWORD).location())
                .as("the lock holds for the password too").endsWith("/login?error");
    }

    @Test
    void shouldCountAStaffPasswordAsHalfASignIn() {
        AccountPrincipal supervisor = accounts.create(Role.SUPERVISOR, "en");
        browser().postLogin(supervisor.email(), "not the password");

        WebClient browser = passwordOnly(supervisor);
        assertThat(accounts.find(supervisor.email()).orElseThrow().failedLogins())
                .as("the right password alone does not clear the count").isEqualTo(1);

        assertThat(browser.postForm("/account/second-factor", Map.of("code", currentCode())).location())
                .endsWith("/");
        assertThat(accounts.find(supervisor.email()).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void shouldKeepTheContinueUrlOnThisSite() {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        String[] outside = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
            "review"};
        for (int i = 0; i < outside.length; i++) {
            String elsewhere = outside[i];
            WebClient browser = passwordOnly(officer);
            Answer page = browser.open("/account/second-factor?continue=" + WebClient.encode(elsewhere));
            assertThat(page.body()).as(elsewhere).contains("name=\"continue\" value=\"/\"");
            Answer passed = browser.postForm("/account/second-factor",
                    Map.of("code", TestAccounts.RECOVERY_CODES.get(i), "continue", elsewhere));
            assertThat(passed.location()).as(elsewhere).isEqualTo(browser.baseUrl() + "/");
        }
    }

    @Test
    void shouldMakeTheMemberEnrolAgainAfterAnAdministratorResetTheirFactors() {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        WebClient adminBrowser = browser();
        assertThat(adminBrowser.login(admin.email(), TestAccounts.PASSWORD)).isTrue();
        WebClient officerBrowser = browser();
        assertThat(officerBrowser.login(officer.email(), TestAccounts.PASSWORD)).isTrue();
        assertThat(officerBrowser.get("/review").status()).isEqualTo(200);

        adminBrowser.open("/admin/users");
        Answer reset = adminBrowser.postForm("/admin/users/" + officer.id() + "/second-factors/reset", Map.of());

        assertThat(reset.location()).endsWith("/admin/users");
        assertThat(adminBrowser.get("/admin/users").body()).contains("sets up an authenticator app");
        assertThat(officerBrowser.get("/review").location()).as("the officer's session ended").endsWith("/login");
        WebClient again = passwordOnly(officer);
        assertThat(again.get("/account/second-factor").location()).endsWith("/account/second-factor/enrol?continue=%2F");
        assertThat(again.postForm("/account/second-factor", Map.of("code", TestAccounts.RECOVERY_CODES.get(0)))
                .status()).as("the old recovery codes are gone").isNotIn(302, 303);
    }

    @Test
    void shouldEnrolWithACodeFromTheAppAndShowTheRecoveryCodesOnce() {
        AccountPrincipal supervisor = accounts.createNotEnrolled(Role.SUPERVISOR);
        WebClient browser = passwordOnly(supervisor);
        assertThat(browser.get("/checkpoint").location()).contains("/account/second-factor?continue=");
        Answer enrol = browser.open("/account/second-factor/enrol?continue=%2Fcheckpoint");
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("class=\"totp-secret\">([A-Z2-7 ]+)<")
                .matcher(enrol.body());
        assertThat(key.find()).isTrue();
        assertThat(enrol.body()).contains("src=\"data:image/png;base64,");
        String secret = key.group(1).replace(" ", "");
        assertThat(browser.open("/account/second-factor/enrol").body()).as("a reload shows the same key")
                .contains(key.group(1));

        assertThat(browser.postForm("/account/second-factor/enrol", Map.of("code", "12345x")).body())
                .contains("코드가 맞지 않거나 이미 사용되었습니다");
        Answer done = browser.postForm("/account/second-factor/enrol",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now())), "continue", "/checkpoint"));

        assertThat(done.status()).isEqualTo(200);
        java.util.regex.Matcher codes = java.util.regex.Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")
                .matcher(done.body());
        java.util.List<String> recovery = new java.util.ArrayList<>();
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(browser.get("/checkpoint").status()).isEqualTo(200);
        assertThat(browser.get("/account/second-factor/enrol").location()).as("shown once")
                .contains("/account/second-factor?continue=");

        WebClient lostPhone = passwordOnly(supervisor);
        assertThat(lostPhone.postForm("/account/second-factor", Map.of("code", recovery.get(7))).location())
                .endsWith("/");
    }

    @Test
    void shouldAskForAFreshCodeBeforeASensitiveAction() throws Exception {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        org.springframework.test.web.servlet.request.RequestPostProcessor old =
                SignedIn.withFactors(admin, Instant.now().minus(java.time.Duration.ofMinutes(6)));

        assertThat(mvc.perform(get("/admin/keys").with(old)).andReturn().getResponse().getStatus()).isEqualTo(200);
        org.springframework.mock.web.MockHttpServletResponse rotate = mvc.perform(post("/admin/keys/rotate")
                .with(old).with(csrf()).header("Referer", "http://localhost/admin/keys")).andReturn().getResponse();
        assertThat(rotate.getRedirectedUrl()).isEqualTo("/account/second-factor?continue=%2Fadmin%2Fkeys");
        assertThat(mvc.perform(get("/account/second-factor").with(old)).andReturn().getResponse()
                .getContentAsString()).contains("5분 이내에 확인한 코드가 필요합니다");
        assertThat(mvc.perform(post("/admin/users/" + admin.id() + "/role").param("role", "ADMIN").with(old)
                .with(csrf())).andReturn().getResponse().getRedirectedUrl()).startsWith("/account/second-factor");

        org.springframework.test.web.servlet.request.RequestPostProcessor fresh =
                SignedIn.withFactors(admin, Instant.now().minus(java.time.Duration.ofMinutes(4)));
        assertThat(mvc.perform(post("/admin/keys/rotate").with(fresh).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/admin/keys");
    }

    @Test
    void shouldKeepTheSecretSealedInTheDatabaseAndSealOnesStoredInPlainText() {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        assertThat(storedSecret(officer)).startsWith("v1:").doesNotContain(TestAccounts.TOTP_SECRET);

        jdbc.sql("UPDATE totp_factor SET secret = ? WHERE account_id = ?")
                .params(TestAccounts.TOTP_SECRET, officer.id()).update();
        assertThat(passwordOnly(officer).postForm("/account/second-factor", Map.of("code", currentCode()))
                .location()).as("a secret from before sealing still works").endsWith("/");
        sealed.sealPlainSecrets();

        assertThat(storedSecret(officer)).startsWith("v1:").doesNotContain(TestAccounts.TOTP_SECRET);
        assertThat(passwordOnly(officer).postForm("/account/second-factor",
                Map.of("code", Totp.code(TestAccounts.TOTP_SECRET, Totp.step(Instant.now()) + 1))).location())
                .as("and works sealed").endsWith("/");
    }

    private String storedSecret(AccountPrincipal account) {
        return jdbc.sql("SELECT secret FROM totp_factor WHERE account_id = ?").param(account.id())
                .query(String.class).single();
    }

    private WebClient passwordOnly(AccountPrincipal staff) {
        WebClient browser = browser();
        assertThat(browser.postLogin(staff.email(), TestAccounts.PASSWORD).location()).doesNotContain("error");
        browser.open("/account/second-factor");
        return browser;
    }

    private static String currentCode() {
        return Totp.code(TestAccounts.TOTP_SECRET, Totp.step(Instant.now()));
    }

    private WebClient browser() {
        return WebClient.forPort(port).acceptingHtml();
    }
}
