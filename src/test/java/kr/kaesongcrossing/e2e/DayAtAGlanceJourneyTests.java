package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Issue 19: each role's home page and the figures page, in Korean and in English, each screen checked by axe-core
 * (a blocking finding fails the journey). A traveller who applied sees the application on her home page; the officer
 * finds it in the queue on his; the supervisor, whose station is set up, sees the route, who is across and his gate;
 * the administrator sees the accounts, devices, keys and the audit trail; the figures page draws its charts with
 * their numbers in tables.
 */
@BrowserTest
class DayAtAGlanceJourneyTests {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("day-at-a-glance-ko")
    void shouldShowEachRoleWhereTheDayStandsInKorean(Journey journey, @TempDir Path temp) {
        everyHome("ko", journey, temp);
    }

    @Test
    @JourneyName("day-at-a-glance-en")
    void shouldShowEachRoleWhereTheDayStandsInEnglish(Journey journey, @TempDir Path temp) {
        everyHome("en", journey, temp);
    }

    private void everyHome(String language, Journey journey, Path temp) {
        Texts t = "ko".equals(language) ? Texts.korean(messages) : Texts.english(messages);

        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(civilian, t, "ko".equals(language) ? "문하람" : "Harry Moon");
        String reference = TravelSteps.apply(civilian, t, TravelSteps.traveller("문하람", "MOON HARAM"),
                Pictures.travellerPhotoPng(temp), false);
        civilian.open("/");
        assertThat(civilian.pageText()).contains(t.get("home.civilian.nextTrip"), t.get("home.civilian.crossings"));
        onceOnPage(civilian);
        civilian.snap("civilian-home");

        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(accounts.create(Role.OFFICER, language).email(), TestAccounts.PASSWORD);
        officer.open("/");
        assertThat(officer.pageText()).contains(t.get("home.officer.queue"), t.get("home.officer.decisions"),
                t.get("home.officer.consent"));
        onceOnPage(officer);
        officer.snap("officer-home");
        officer.clickText(t.get("menu.reports"));
        officer.waitForPath("/reports");
        assertThat(officer.find(By.cssSelector("canvas")).getDomAttribute("role")).isEqualTo("img");
        assertThat(officer.pageText()).contains(t.get("report.crossings.title"), t.get("report.refusals.title"),
                t.get("report.reviews.title"));
        officer.snap("reports");
        assertThat(reference).isNotBlank();

        Browser supervisor = journey.browser("supervisor", Viewport.TABLET);
        AccountPrincipal supervisorAccount = accounts.create(Role.SUPERVISOR, language);
        supervisor.login(supervisorAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(supervisor, t, "1", "NORTHBOUND", false);
        supervisor.open("/");
        assertThat(supervisor.pageText()).contains(t.get("home.checkpoint.route"), t.get("home.checkpoint.across"),
                t.get("home.checkpoint.gate"));
        assertThat(supervisor.find(By.cssSelector("[data-live='inside']")).getText()).matches("\\d+");
        onceOnPage(supervisor);
        supervisor.snap("supervisor-home");

        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(accounts.create(Role.ADMIN, language).email(), TestAccounts.PASSWORD);
        admin.open("/");
        assertThat(admin.pageText()).contains(t.get("home.admin.accounts"), t.get("home.admin.keys"),
                t.get("home.admin.audit"));
        onceOnPage(admin);
        admin.snap("admin-home");
    }

    /** The day's figures stand once on the page (and not again under the links). */
    private static void onceOnPage(Browser browser) {
        assertThat(browser.driver().findElements(By.cssSelector(".app-home-figures"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector(".app-home-card")))
                .hasSameSizeAs(browser.driver().findElements(By.cssSelector(".app-home-figures .app-home-card")));
    }
}
