package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Journey 2, in English: a pass is scanned through the camera page (Chromium's fake camera shows a video made
 * from the pass's QR PNG) for the entry, and through a photo upload of the pass for the exit.
 */
@BrowserTest
class EnglishScanJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("journey2-en")
    void shouldScanAPassWithTheCameraAndFromAPhoto(Journey journey, @TempDir Path temp) {
        Texts en = Texts.english(messages);
        TravelSteps.Traveller traveller = TravelSteps.traveller("최서준", "CHOI SEOJUN");

        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(civilian, en, "Choi Seojun");
        assertThat(civilian.language()).isEqualTo("en");
        String reference = TravelSteps.apply(civilian, en, traveller, Pictures.travellerPhotoPng(temp), true);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER, "en");
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerApproves(officer, en, reference, false);
        TravelSteps.officerRecordsConsent(officer, en, reference, "NK-2026-0623", false);
        journey.close(officer);

        TravelSteps.openPass(civilian, en, reference, false);
        assertThat(civilian.pageText()).contains(en.get("pass.status.ACTIVE"), "CHOI SEOJUN");
        civilian.snap("pass");
        BufferedImage qr = TravelSteps.qrImage(civilian);
        String token = QrScan.read(qr);

        // Entry through the camera page: the tablet's camera sees the pass (a video made from the QR PNG).
        Path video = FakeCamera.video(qr, temp.resolve("pass-qr.y4m"));
        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT, "en");
        Browser camera = journey.browserWithCamera("checkpoint-camera", Viewport.TABLET, video);
        camera.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(camera, en, "Camera lane", "NORTHBOUND", false);
        camera.clickText(en.get("checkpoint.station.camera"));
        camera.waitForPath("/checkpoint/camera");
        WebElement panel = new WebDriverWait(camera.driver(), Duration.ofSeconds(30), Duration.ofMillis(100))
                .withMessage("the camera page shows a decision")
                .until(d -> {
                    WebElement result = d.findElement(By.id("scan-result"));
                    return result.isDisplayed() ? result : null;
                });
        assertThat(panel.getDomAttribute("class")).contains("accepted");
        assertThat(panel.getText()).contains(en.get("checkpoint.verdict.ACCEPTED.NORTHBOUND"), "최서준");
        assertThat(camera.has(By.id("camera-unavailable")) && camera.find(By.id("camera-unavailable")).isDisplayed())
                .isFalse();
        camera.snap("camera-entry-accepted");
        journey.close(camera);

        // Exit from a photo of the pass, uploaded on the scan station.
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, en, "Camera lane", "SOUTHBOUND", false);
        checkpoint.upload(By.id("photo"), Pictures.photoOfQr(qr, temp));
        checkpoint.snap("photo-chosen");
        checkpoint.clickText(en.get("checkpoint.photo.submit"));
        checkpoint.waitUntil(b -> b.has(By.id("scan-result")), "a scan result");
        assertThat(TravelSteps.decisionOnScreen(checkpoint, en, "SOUTHBOUND")).isEqualTo("accepted");
        assertThat(checkpoint.text(By.id("scan-result"))).contains("최서준", "CHOI SEOJUN");
        assertThat(TravelSteps.holderPhotoShown(checkpoint)).isTrue();
        checkpoint.snap("photo-exit-accepted");

        checkpoint.clickText(en.get("menu.log"));
        checkpoint.waitForPath("/checkpoint/log");
        assertThat(checkpoint.pageText()).contains("CHOI SEOJUN", "Camera lane");
        checkpoint.snap("crossing-log");
        assertThat(token).isNotBlank();
    }
}
