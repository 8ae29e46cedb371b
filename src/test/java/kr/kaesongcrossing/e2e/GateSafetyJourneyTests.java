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
 * Nobody is trapped in the zone, in Korean: a traveller crosses northbound (출경), the office revokes the pass
 * while they are inside, the roster flags them at the top, and they still cross southbound (입경) through the
 * amber "let out, then report" panel.
 */
@BrowserTest
class GateSafetyJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("gate-safety-ko")
    void shouldLetAHolderWhosePassWasRevokedInsideOutWithAnAlert(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);
        TravelSteps.Traveller traveller = TravelSteps.traveller("송하람", "SONG HARAM");

        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(civilian, ko, "송하람");
        String reference = TravelSteps.apply(civilian, ko, traveller, Pictures.travellerPhotoPng(temp), false);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerApproves(officer, ko, reference, false);
        TravelSteps.officerRecordsConsent(officer, ko, reference, "NK-2026-1130", false);
        TravelSteps.openPass(civilian, ko, reference, false);
        String token = TravelSteps.tokenFromQr(civilian);

        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, ko, "1", "NORTHBOUND", false);
        TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("accepted");
        assertThat(checkpoint.pageText()).contains(ko.get("checkpoint.verdict.ACCEPTED.NORTHBOUND")).contains("출경");

        TravelSteps.officerRevokesPass(officer, ko, reference, "방문 목적 변경으로 출입증 취소", false);

        checkpoint.clickText(ko.get("menu.roster"));
        checkpoint.waitForPath("/checkpoint/roster");
        String flagged = checkpoint.text(By.xpath("//table//tr[.//span[contains(@class,'kc-roster-alert')]]"
                + "[contains(normalize-space(.),'SONG HARAM')]"));
        assertThat(flagged).contains("송하람", ko.get("checkpoint.roster.alert.REVOKED"));
        assertThat(checkpoint.find(By.id("roster-alerts")).getText()).contains("입경시킨 뒤 보고");
        // flagged people come first: no unflagged row above this one
        assertThat(checkpoint.findAll(By.xpath("//table/tbody/tr[.//span[contains(@class,'kc-roster-alert')]]"
                + "[contains(normalize-space(.),'SONG HARAM')]/preceding-sibling::tr[not(.//span[contains(@class,"
                + "'kc-roster-alert')])]"))).isEmpty();
        checkpoint.snap("roster-revoked-inside");

        checkpoint.clickText(ko.get("menu.checkpoint"));
        checkpoint.find(By.id("token"));
        TravelSteps.checkpointStation(checkpoint, ko, "1", "SOUTHBOUND", false);
        String result = TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "SOUTHBOUND")).isEqualTo("alerted");
        assertThat(result).contains("송하람", ko.get("checkpoint.alert.REVOKED"), ko.get("checkpoint.alert.next"))
                .contains("입경");
        assertThat(checkpoint.find(By.id("scan-result")).getDomAttribute("data-sound")).isEqualTo("alert");
        checkpoint.snap("checkpoint-exit-alerted");

        checkpoint.clickText(ko.get("menu.roster"));
        checkpoint.waitForPath("/checkpoint/roster");
        assertThat(checkpoint.pageText()).doesNotContain("SONG HARAM");
        checkpoint.clickText(ko.get("menu.log"));
        checkpoint.waitForPath("/checkpoint/log");
        assertThat(checkpoint.pageText()).contains("⚠ " + ko.get("checkpoint.reason.short.REVOKED"));
    }
}
