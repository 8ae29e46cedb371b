package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** Registering, logging in, switching language and being refused, in a real browser. */
@BrowserTest
class AccountJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Test
    @JourneyName("accounts-register-ko")
    void shouldRegisterInKoreanAfterFixingFormErrors(Journey journey) {
        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        String email = "hana-" + UUID.randomUUID() + "@e2e.test";

        civilian.open("/register");
        assertThat(civilian.language()).isEqualTo("ko");
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("회원가입");
        civilian.snap("register-form");

        civilian.type("email", "hana-at-example").type("displayName", "김하나").type("password", "짧은암호");
        civilian.clickText("가입하기");
        civilian.waitForText("올바른 이메일 주소를 입력하십시오.");
        assertThat(Forms.errorFor(civilian, "email")).isEqualTo("올바른 이메일 주소를 입력하십시오.");
        assertThat(Forms.errorFor(civilian, "password")).isEqualTo("비밀번호는 12자 이상 128자 이하로 입력하십시오.");
        assertThat(Forms.hasNoError(civilian, "displayName")).isTrue();
        assertThat(Forms.valueOf(civilian, "email")).isEqualTo("hana-at-example");
        assertThat(Forms.valueOf(civilian, "displayName")).isEqualTo("김하나");
        civilian.snap("register-errors");

        civilian.type("email", email).type("password", "봄날 개성 가는 길은 멀지 않다");
        civilian.clickText("가입하기");
        civilian.waitForPath("/login").waitForText("가입이 완료되었습니다. 로그인해 주십시오.");
        civilian.snap("login-after-register");

        civilian.login(email, "봄날 개성 가는 길은 멀지 않다");
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("김하나님, 환영합니다");
        assertThat(civilian.pageText()).contains("나의 신청", "출입 신청", "출입증");
        civilian.snap("civilian-home");
    }

    @Test
    @JourneyName("accounts-language-en")
    void shouldKeepEnglishOnceChosen(Journey journey) {
        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        String email = registerCivilian(civilian, "Ahn Jisoo");

        civilian.login(email, PASSWORD);
        civilian.clickText("English");
        civilian.waitForText("Welcome, Ahn Jisoo");
        assertThat(civilian.language()).isEqualTo("en");
        civilian.snap("home-english");

        civilian.open("/");
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("Welcome, Ahn Jisoo");
        civilian.logout();
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("Log in");
        assertThat(civilian.pageText()).contains("You have been logged out.");
        civilian.snap("login-english-after-logout");

        Browser elsewhere = journey.browser("civilian-other-device", Viewport.PHONE);
        elsewhere.login(email, PASSWORD);
        assertThat(elsewhere.text(By.tagName("h1"))).isEqualTo("Welcome, Ahn Jisoo");
        assertThat(elsewhere.language()).isEqualTo("en");
    }

    @Test
    @JourneyName("accounts-forbidden")
    void shouldShowTheAccessDeniedPageInTheUsersLanguage(Journey journey) {
        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        String email = registerCivilian(civilian, "정다은");
        civilian.login(email, PASSWORD);

        civilian.open("/admin/users");
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("접근 권한이 없습니다");
        assertThat(civilian.pageText()).doesNotContain("Exception", "Forbidden", "Whitelabel");
        civilian.snap("admin-users-403-ko");

        civilian.open("/");
        civilian.clickText("English");
        civilian.waitForText("Welcome");
        civilian.open("/admin/users");
        assertThat(civilian.text(By.tagName("h1"))).isEqualTo("Access denied");
        civilian.snap("admin-users-403-en");
    }

    @Test
    @JourneyName("accounts-role-homes")
    void shouldLandEachStaffRoleOnItsHome(Journey journey) {
        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        assertThat(officer.text(By.tagName("h1"))).isEqualTo(officerAccount.displayName() + "님, 환영합니다");
        assertThat(officer.pageText()).contains("심사 대기열", "상대측 동의", "출입 기록", "현재 체류자");
        officer.snap("officer-home");

        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        assertThat(checkpoint.text(By.tagName("h1"))).isEqualTo(checkpointAccount.displayName() + "님, 환영합니다");
        assertThat(checkpoint.pageText()).contains("출입 검문", "출입 기록", "현재 체류자").doesNotContain("심사 대기열");
        checkpoint.snap("checkpoint-home");

        AccountPrincipal adminAccount = accounts.create(Role.ADMIN, "en");
        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(adminAccount.email(), TestAccounts.PASSWORD);
        assertThat(admin.text(By.tagName("h1"))).isEqualTo("Welcome, " + adminAccount.displayName());
        assertThat(admin.pageText()).contains("Users", "Scanner devices", "Signing keys");
        admin.snap("admin-home");
    }

    @Test
    @JourneyName("accounts-admin-creates-staff")
    void shouldLetAnAdministratorCreateAStaffAccountAfterFixingErrors(Journey journey) {
        AccountPrincipal adminAccount = accounts.create(Role.ADMIN, "en");
        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(adminAccount.email(), TestAccounts.PASSWORD);
        admin.clickText("Users");
        admin.waitForPath("/admin/users");
        admin.snap("users");

        admin.clickText("Create a staff account");
        admin.type("email", "kang@").type("displayName", "Kang Minho").select("role", "CHECKPOINT").select("language", "ko")
                .type("password", "short");
        admin.clickText("Create account");
        admin.waitForText("The password must be");
        assertThat(Forms.errorFor(admin, "email")).isEqualTo("Enter a valid email address.");
        assertThat(Forms.errorFor(admin, "password")).startsWith("The password must be");
        assertThat(Forms.hasNoError(admin, "displayName")).isTrue();
        assertThat(Forms.valueOf(admin, "email")).isEqualTo("kang@");
        assertThat(Forms.valueOf(admin, "displayName")).isEqualTo("Kang Minho");
        assertThat(Forms.valueOf(admin, "role")).isEqualTo("CHECKPOINT");
        admin.snap("new-staff-errors");

        String email = "kang-" + UUID.randomUUID() + "@e2e.test";
        admin.type("email", email).type("password", "north gate morning shift 0600");
        admin.clickText("Create account");
        admin.waitForText("The staff account was created.");
        // the list is paged by email and other tests add accounts: the notice and the sign-in below prove it
        assertThat(admin.pageText()).contains("The staff account was created.");
        admin.snap("staff-created");

        Browser checkpoint = journey.browser("new-checkpoint-officer", Viewport.TABLET);
        checkpoint.login(email, "north gate morning shift 0600");
        assertThat(checkpoint.text(By.tagName("h1"))).isEqualTo("Kang Minho님, 환영합니다");
        assertThat(checkpoint.pageText()).contains("출입 검문");
        checkpoint.snap("checkpoint-home");
    }

    static final String PASSWORD = "압록강 물결 위로 해가 뜬다 2026";

    /** Registers a civilian through the form and returns the email. */
    static String registerCivilian(Browser browser, String name) {
        String email = "civilian-" + UUID.randomUUID() + "@e2e.test";
        browser.open("/register");
        browser.type("email", email).type("displayName", name).type("password", PASSWORD);
        org.openqa.selenium.WebElement password = browser.find(By.id("password"));
        browser.navigating(password::submit);
        browser.waitForPath("/login");
        return email;
    }
}
