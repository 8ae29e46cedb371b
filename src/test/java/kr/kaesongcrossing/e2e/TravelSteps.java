package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.TestImages;
import org.openqa.selenium.By;

/**
 * The steps of the travel flow as people do them in the browser: a civilian registers and applies, office staff
 * review and record the counterpart's consent, the civilian opens the pass. Each step snaps its key screen when
 * asked to, under the given prefix.
 */
final class TravelSteps {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String PASSWORD = "압록강 물결 위로 해가 뜬다 2026";

    private TravelSteps() {
    }

    /** Who travels, as written on their ID document. */
    record Traveller(String nameKorean, String nameLatin, LocalDate dateOfBirth, String idNumber, String phone) {
    }

    static Traveller traveller(String nameKorean, String nameLatin) {
        return new Traveller(nameKorean, nameLatin, LocalDate.of(1984, 5, 17),
                "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(), "010-2345-6789");
    }

    static LocalDate todayInSeoul() {
        return LocalDate.now(SEOUL);
    }

    /** Registers through the form (in the page's current language) and logs in; returns the email. */
    static String registerAndLogIn(Browser civilian, Texts t, String displayName) {
        String email = "civilian-" + UUID.randomUUID() + "@e2e.test";
        civilian.open("/register?lang=" + t.language());
        civilian.type("email", email).type("displayName", displayName).type("password", PASSWORD)
                .select("language", t.language());
        civilian.clickText(t.get("register.submit"));
        civilian.waitForText(t.get("register.done"));
        civilian.login(email, PASSWORD);
        civilian.waitForText(t.get("home.welcome", displayName));
        return email;
    }

    /** Fills the application form (without submitting). */
    static void fillApplication(Browser civilian, Traveller who, LocalDate entry, LocalDate returning) {
        civilian.type("nameKorean", who.nameKorean()).type("nameLatin", who.nameLatin())
                .typeDate("dateOfBirth", who.dateOfBirth()).select("nationality", "KOR")
                .select("idDocumentType", "PASSPORT").type("idNumber", who.idNumber()).type("phone", who.phone())
                .type("organisation", "개성공업지구 지원재단")
                .select("purpose", "ECONOMIC_COOPERATION").type("purposeDetail", "공동 사업 협의 및 현장 점검")
                .typeDate("entryDate", entry).typeDate("returnDate", returning);
    }

    /**
     * Picks the first crossing with room each way, as a person does once the form's script has shown the slots of
     * the dates typed (the radio buttons are styled: their labels take the click).
     */
    static void pickSlots(Browser civilian, LocalDate entry, LocalDate returning) {
        // Leaving the date field tells the form the dates changed; it then fetches that day's choices and swaps
        // them in (aria-busy meanwhile): pick once the choices for these dates are there.
        civilian.driver().executeScript("document.activeElement.blur()");
        civilian.waitUntil(b -> !b.has(By.cssSelector("#slot-choices[aria-busy='true']"))
                && b.has(By.cssSelector("input[name='northboundSlot'][value^='N-" + entry + "-']"))
                && b.has(By.cssSelector("input[name='southboundSlot'][value^='S-" + returning + "-']")) ? true : null,
                "the slot choices of " + entry + " and " + returning);
        for (String radio : List.of("input[name='northboundSlot'][value^='N-" + entry + "-']:not([disabled])",
                "input[name='southboundSlot'][value^='S-" + returning + "-']:not([disabled])")) {
            String id = civilian.find(By.cssSelector(radio)).getAttribute("id");
            civilian.click(By.cssSelector("label[for='" + id + "']"));
        }
    }

    /** Applies with a photo from the menu for a trip from today, submits, and returns the application's reference. */
    static String apply(Browser civilian, Texts t, Traveller who, Path photo, boolean snaps) {
        return apply(civilian, t, who, photo, todayInSeoul(), todayInSeoul().plusDays(2), snaps);
    }

    /** Applies for the given dates, picking the first slot with room each way; returns the reference. */
    static String apply(Browser civilian, Texts t, Traveller who, Path photo, LocalDate entry, LocalDate returning,
            boolean snaps) {
        civilian.clickText(t.get("menu.applications.new"));
        civilian.waitForPath("/applications/new");
        fillApplication(civilian, who, entry, returning);
        pickSlots(civilian, entry, returning);
        civilian.upload(By.id("photo"), photo);
        if (snaps) {
            civilian.snap("application-form");
        }
        civilian.clickText(t.get("application.form.submit"));
        civilian.waitForText(t.get("application.notice.submitted"));
        assertThat(civilian.pageText()).contains(t.get("application.status.SUBMITTED"));
        if (snaps) {
            civilian.snap("application-submitted");
        }
        return referenceOnPage(civilian);
    }

    /** The reference shown in the heading of an application page ("신청서 KC-2026-000123"). */
    static String referenceOnPage(Browser browser) {
        String heading = browser.text(By.tagName("h1"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("KC-\\d{4}-\\d+").matcher(heading);
        assertThat(m.find()).as("reference in heading '%s'", heading).isTrue();
        return m.group();
    }

    /** An officer finds the application in the review queue by its reference and opens it. */
    static void officerOpens(Browser officer, Texts t, String reference) {
        officer.clickText(t.get("menu.review"));
        officer.waitForPath("/review");
        officer.type("q", reference);
        officer.clickText(t.get("application.queue.filter"));
        officer.click(By.linkText(reference));
        officer.waitForPath("/review/applications/");
        officer.waitForText(reference);
    }

    static void officerRequestsInformation(Browser officer, Texts t, String reference, String message, boolean snaps) {
        officerOpens(officer, t, reference);
        if (snaps) {
            officer.snap("review-detail");
        }
        officer.type("message", message);
        officer.click(By.xpath("//form[contains(@action,'/request-information')]//button[@type='submit']"));
        officer.waitForText(t.get("application.review.done", t.get("application.status.INFORMATION_REQUESTED")));
        if (snaps) {
            officer.snap("review-information-requested");
        }
    }

    /** The civilian reads the request on the application page, edits and resubmits (the stored photo stays). */
    static void resubmit(Browser civilian, Texts t, String reference, String newPhone, String expectedMessage,
            boolean snaps) {
        civilian.clickText(t.get("menu.applications"));
        civilian.click(By.partialLinkText(reference));
        civilian.waitForText(t.get("application.status.INFORMATION_REQUESTED"));
        assertThat(civilian.pageText()).contains(expectedMessage);
        if (snaps) {
            civilian.snap("application-information-requested");
        }
        civilian.clickText(t.get("application.detail.editResubmit"));
        civilian.waitForPath("/applications/");
        assertThat(civilian.pageText()).contains(expectedMessage);
        civilian.type("phone", newPhone);
        if (snaps) {
            civilian.snap("application-edit");
        }
        civilian.clickText(t.get("application.form.submit"));
        civilian.waitForText(t.get("application.notice.submitted"));
    }

    static void officerApproves(Browser officer, Texts t, String reference, boolean snaps) {
        officerOpens(officer, t, reference);
        officer.clickText(t.get("application.review.approve"));
        officer.waitForText(t.get("application.review.done", t.get("application.status.AWAITING_CONSENT")));
        if (snaps) {
            officer.snap("review-approved-awaiting-consent");
        }
    }

    /** An officer records the counterpart's consent on the consent page, row by row. */
    static void officerRecordsConsent(Browser officer, Texts t, String reference, String counterpartReference,
            boolean snaps) {
        officer.clickText(t.get("menu.consent"));
        officer.waitForPath("/review/consent");
        String row = "//tr[.//a[normalize-space(.)='" + reference + "']]";
        officer.type(By.xpath(row + "//input[@name='counterpartReference']"), counterpartReference);
        if (snaps) {
            officer.snap("consent-list");
        }
        officer.click(By.xpath(row + "//button[@value='consent']"));
        officer.waitForText(t.get("application.review.done", t.get("application.status.APPROVED_FOR_TRAVEL")));
    }

    /** The civilian sees the approval and opens the pass; returns the pass page's path. */
    static String openPass(Browser civilian, Texts t, String reference, boolean snaps) {
        civilian.clickText(t.get("menu.applications"));
        civilian.click(By.partialLinkText(reference));
        civilian.waitForText(t.get("application.status.APPROVED_FOR_TRAVEL"));
        if (snaps) {
            civilian.snap("application-approved");
        }
        civilian.clickText(t.get("application.detail.pass"));
        civilian.waitForPath("/passes");
        civilian.click(By.partialLinkText(reference));
        civilian.waitForPath("/passes/");
        civilian.find(By.cssSelector("img.pass-qr-img"));
        return civilian.path();
    }

    /** The token in the pass's QR code, read from the PNG the page shows (as a scanner would read it). */
    static String tokenFromQr(Browser browser) {
        return QrScan.read(qrImage(browser));
    }

    /** The pass's QR code as the page shows it ({@code /passes/{id}/qr.png}, fetched in the holder's session). */
    static java.awt.image.BufferedImage qrImage(Browser browser) {
        String src = browser.find(By.cssSelector("img.pass-qr-img")).getDomAttribute("src");
        assertThat(src).endsWith("qr.png");
        Browser.Download png = browser.fetch(src);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).startsWith("image/png");
        return TestImages.read(png.body());
    }

    /** Office staff find a pass by the application's reference and revoke it with a reason the holder reads. */
    static void officerRevokesPass(Browser officer, Texts t, String reference, String reason, boolean snaps) {
        officer.clickText(t.get("menu.passes"));
        officer.waitForPath("/passes");
        officer.type("q", reference);
        officer.clickText(t.get("pass.list.search.submit"));
        officer.click(By.linkText(reference));
        officer.waitForPath("/passes/");
        officer.type("revoke-reason", reason);
        if (snaps) {
            officer.snap("pass-staff-revoke");
        }
        officer.clickText(t.get("pass.revoke.submit"));
        officer.waitForText(t.get("pass.revoke.done"));
    }

    /** The checkpoint officer picks lane and direction at the only gate (first visit, or after "change"). */
    static void checkpointStation(Browser checkpoint, Texts t, String lane, String direction, boolean snaps) {
        checkpointStation(checkpoint, t, null, lane, direction, snaps);
    }

    /** The same at one gate of a route with several ({@code gate} null: the gate the page has chosen). */
    static void checkpointStation(Browser checkpoint, Texts t, String gate, String lane, String direction,
            boolean snaps) {
        if (!checkpoint.path().startsWith("/checkpoint") || !checkpoint.has(By.id("token"))) {
            checkpoint.clickText(t.get("menu.checkpoint"));
            checkpoint.waitForPath("/checkpoint");
        }
        if (checkpoint.has(By.id("token"))) { // the station keeps the last gate, lane and direction
            checkpoint.clickText(t.get("checkpoint.station.change"));
        }
        if (gate != null) {
            checkpoint.click(By.cssSelector("label[for='gate-" + gate + "']"));
        }
        checkpoint.type("lane", lane);
        checkpoint.click(By.cssSelector("label[for='direction-" + direction + "']"));
        if (snaps) {
            checkpoint.snap("checkpoint-setup");
        }
        checkpoint.clickText(t.get("checkpoint.setup.submit"));
        checkpoint.find(By.id("token"));
        assertThat(checkpoint.pageText()).contains(t.get("checkpoint.direction.long." + direction));
        if (gate != null) {
            assertThat(checkpoint.pageText()).contains(t.get("checkpoint.gate." + gate));
        }
    }

    /**
     * Scans a token the way a handheld scanner does: it types into whatever has focus (the scan field, without a
     * click) and presses Enter. Returns the result panel's text.
     */
    static String scanWithKeyboardWedge(Browser checkpoint, String token) {
        checkpoint.waitUntil(b -> "token".equals(b.focused().getDomAttribute("id")), "the scan field has focus");
        org.openqa.selenium.WebElement field = checkpoint.focused();
        checkpoint.navigating(() -> field.sendKeys(token + org.openqa.selenium.Keys.ENTER));
        return checkpoint.text(By.id("scan-result"));
    }

    /** The decision on screen: "accepted" or "rejected" (the panel's class), checked to be said in words too. */
    static String decisionOnScreen(Browser checkpoint, Texts t, String direction) {
        org.openqa.selenium.WebElement panel = checkpoint.find(By.id("scan-result"));
        String verdict = panel.findElement(By.cssSelector(".kc-result-verdict")).getText();
        String css = panel.getDomAttribute("class");
        if (css.contains("accepted")) {
            assertThat(verdict).isEqualTo(t.get("checkpoint.verdict.ACCEPTED." + direction));
            return "accepted";
        }
        if (css.contains("alerted")) {
            assertThat(verdict).isEqualTo(t.get("checkpoint.verdict.ALERTED"));
            return "alerted";
        }
        assertThat(css).contains("rejected");
        assertThat(verdict).isEqualTo(t.get("checkpoint.verdict.REJECTED"));
        return "rejected";
    }

    /** True when the holder's photo on the result screen has loaded (an image a person can compare). */
    static boolean holderPhotoShown(Browser checkpoint) {
        return checkpoint.waitUntil(b -> {
            org.openqa.selenium.WebElement photo = b.find(By.cssSelector("#scan-result .kc-result-photo"));
            Object width = b.driver().executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                    photo);
            return ((Number) width).intValue() > 0 ? Boolean.TRUE : null;
        }, "the holder's photo loads");
    }
}
