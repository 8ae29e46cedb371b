package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * Journey 1, in Korean: from registering to crossing. A civilian (phone) applies with a photo, an officer
 * (desktop) asks for more information, the civilian resubmits, the officer approves and records the counterpart's
 * consent, the civilian opens the pass and downloads its PDF; at the checkpoint (tablet) an officer scans it.
 */
@BrowserTest
class KoreanTravelJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("journey1-ko")
    void shouldTakeACivilianFromRegistrationToACrossing(Journey journey, @TempDir Path temp) throws Exception {
        Texts ko = Texts.korean(messages);
        TravelSteps.Traveller traveller = TravelSteps.traveller("김하늘", "KIM HANEUL");

        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(civilian, ko, "김하늘");
        civilian.snap("civilian-home");
        String reference = TravelSteps.apply(civilian, ko, traveller, Pictures.travellerPhotoPng(temp), true);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        String request = "여권 사본의 유효기간을 확인할 수 있도록 연락처를 다시 확인해 주십시오.";
        TravelSteps.officerRequestsInformation(officer, ko, reference, request, true);

        TravelSteps.resubmit(civilian, ko, reference, "010-9876-5432", request, true);

        TravelSteps.officerApproves(officer, ko, reference, true);
        TravelSteps.officerRecordsConsent(officer, ko, reference, "NK-2026-0417", true);

        TravelSteps.openPass(civilian, ko, reference, false);
        assertThat(civilian.pageText()).contains(ko.get("pass.status.ACTIVE"), "김하늘", "KIM HANEUL");
        assertThat(civilian.find(By.cssSelector("img.pass-photo")).getDomProperty("naturalWidth"))
                .isNotEqualTo("0");
        civilian.snap("pass");
        String token = TravelSteps.tokenFromQr(civilian);
        assertThat(token.split("\\.")).hasSize(3);

        Path pdf = civilian.download(By.linkText(ko.get("pass.pdf.download")));
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        Browser.Download response = civilian.fetch(civilian.find(By.linkText(ko.get("pass.pdf.download")))
                .getDomAttribute("href"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");


        // At the checkpoint: the officer's handheld scanner types the token and Enter into the focused field.
        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, ko, "1", "NORTHBOUND", true);
        checkpoint.snap("checkpoint-ready");

        String result = TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("accepted");
        assertThat(result).contains("김하늘", "KIM HANEUL");
        assertThat(TravelSteps.holderPhotoShown(checkpoint)).isTrue();
        assertThat(checkpoint.focused().getDomAttribute("id")).as("ready for the next scan").isEqualTo("token");
        checkpoint.snap("checkpoint-entry-accepted");

        checkpoint.clickText(ko.get("menu.roster"));
        checkpoint.waitForPath("/checkpoint/roster");
        // Other suites share the database and may leave travellers inside: look for this one, not a head count.
        assertThat(checkpoint.pageText()).contains("김하늘", "KIM HANEUL");
        checkpoint.snap("roster");

        checkpoint.clickText(ko.get("menu.checkpoint"));
        result = TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("rejected");
        assertThat(result).contains(ko.get("checkpoint.reason.ALREADY_INSIDE"), ko.get("checkpoint.advice.ALREADY_INSIDE"));
        checkpoint.snap("checkpoint-entry-refused-already-inside");

        TravelSteps.checkpointStation(checkpoint, ko, "1", "SOUTHBOUND", false);
        result = TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "SOUTHBOUND")).isEqualTo("accepted");
        assertThat(result).contains("김하늘");
        checkpoint.snap("checkpoint-exit-accepted");

        checkpoint.clickText(ko.get("menu.roster"));
        assertThat(checkpoint.pageText()).doesNotContain("KIM HANEUL");
    }
}
