package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passkeys in a real browser with Chromium's virtual authenticator (a laptop's built-in one: fingerprint asked and
 * given at every use): a civilian adds one and signs in with it alone; a new staff member enrols one as the second
 * factor, gets the recovery codes, and later signs in with it alone or gives it after the password.
 */
@BrowserTest
class PasskeyJourneyTests {

    private static final By PASSKEY_BUTTON = By.cssSelector(".passkey-start");

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @JourneyName("passkeys-civilian")
    void shouldLetACivilianAddAPasskeyAndSignInWithIt(Journey journey) {
        AccountPrincipal account = accounts.create(Role.CIVILIAN);
        Browser civilian = journey.browser("civilian", Viewport.DESKTOP).addPasskeyAuthenticator();
        civilian.login(account.email(), TestAccounts.PASSWORD);

        civilian.open("/account/passkeys");
        assertThat(civilian.pageText()).contains("등록된 패스키가 없습니다.");
        civilian.type("passkey-label", "사무실 노트북");
        civilian.click(PASSKEY_BUTTON);
        civilian.waitForText("패스키를 추가했습니다.");
        assertThat(civilian.pageText()).contains("사무실 노트북");
        civilian.snap("passkeys-added");
        civilian.logout();

        String tokenBeforeSignIn = civilian.find(By.name("_csrf")).getDomAttribute("value");
        civilian.click(PASSKEY_BUTTON);
        civilian.waitForText(account.displayName() + "님, 환영합니다");
        assertThat(civilian.path()).isEqualTo("/");
        civilian.snap("home-after-passkey");
        assertThat(postLanguage(civilian, tokenBeforeSignIn)).as("the sign-in gave a new CSRF token").isEqualTo(403);
        assertThat(postLanguage(civilian, civilian.find(By.name("_csrf")).getDomAttribute("value")))
                .isNotEqualTo(403);

        // disabled by an administrator: the passkey no longer signs in
        civilian.logout();
        jdbc.update("UPDATE user_account SET enabled = FALSE WHERE id = ?", account.id());
        civilian.click(PASSKEY_BUTTON);
        civilian.waitForText("패스키가 받아들여지지 않았거나");
        assertThat(civilian.path()).startsWith("/login");
    }

    @Test
    @JourneyName("passkeys-staff-enrol")
    void shouldEnrolAStaffPasskeyAndSignInWithItAlone(Journey journey) {
        AccountPrincipal account = accounts.createNotEnrolled(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP).addPasskeyAuthenticator();
        signInWithPassword(officer, account);
        officer.waitForPath("/account/second-factor/enrol");
        officer.snap("enrol-with-passkey");

        officer.type("passkey-label", "업무용 노트북");
        officer.click(PASSKEY_BUTTON);
        officer.waitUntil(b -> b.has(By.cssSelector(".recovery-codes")), "the recovery codes");
        assertThat(officer.findAll(By.cssSelector(".recovery-codes li"))).hasSize(10);
        assertThat(officer.pageText()).contains("패스키 설정을 마쳤습니다.");
        officer.click(By.cssSelector(".recovery-codes ~ p a"));
        officer.open("/review");
        assertThat(officer.path()).isEqualTo("/review");
        assertThat(officer.text(By.tagName("h1"))).isEqualTo("심사 대기열");
        officer.logout();

        officer.click(PASSKEY_BUTTON);
        officer.waitForText(account.displayName() + "님, 환영합니다");
        officer.open("/review");
        assertThat(officer.path()).isEqualTo("/review");
        officer.logout();

        // the password, then the passkey instead of a code: one sign-in with both factors
        signInWithPassword(officer, account);
        officer.waitForPath("/account/second-factor?");
        officer.snap("second-factor-with-passkey");
        officer.click(PASSKEY_BUTTON);
        officer.waitForText(account.displayName() + "님, 환영합니다");
        officer.open("/review");
        assertThat(officer.path()).isEqualTo("/review");
    }

    private static void signInWithPassword(Browser browser, AccountPrincipal account) {
        browser.open("/login");
        browser.type("username", account.email()).type("password", TestAccounts.PASSWORD);
        WebElement password = browser.find(By.id("password"));
        browser.navigating(password::submit);
    }

    /** Posts the language form from the page with the given CSRF token; answers the status. */
    private static int postLanguage(Browser browser, String token) {
        return ((Number) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/account/language', {method: 'POST', credentials: 'same-origin', redirect: 'manual',
                  headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                  body: new URLSearchParams({_csrf: arguments[0], lang: 'ko'})})
                  .then(r => done(r.status)).catch(() => done(-1));
                """, token)).intValue();
    }
}
