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
 * Journey 3: the refusals a person meets. A form with errors keeps the input and says what is wrong next to each
 * field; another civilian's application and pass stay closed (refusal page in that person's language); a revoked
 * pass shows its reason to the holder and is refused at the checkpoint.
 */
@BrowserTest
class RefusalJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("journey3-refusals")
    void shouldRefuseWithClearReasons(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);
        Texts en = Texts.english(messages);

        // A form with errors: messages by the fields, input kept, nothing saved.
        Browser holder = journey.browser("holder", Viewport.PHONE);
        TravelSteps.registerAndLogIn(holder, ko, "이도윤");
        holder.clickText(ko.get("menu.applications.new"));
        TravelSteps.Traveller traveller = TravelSteps.traveller("이도윤", "LEE DOYUN");
        TravelSteps.fillApplication(holder, new TravelSteps.Traveller("Lee Doyun", traveller.nameLatin(),
                traveller.dateOfBirth(), traveller.idNumber(), traveller.phone()),
                TravelSteps.todayInSeoul().plusDays(5), TravelSteps.todayInSeoul().plusDays(2));
        holder.clickText(ko.get("application.form.submit"));
        holder.waitForText(ko.get("application.form.errors"));
        assertThat(Forms.errorFor(holder, "nameKorean")).isEqualTo(ko.get("application.error.nameKorean"));
        assertThat(Forms.errorFor(holder, "returnDate")).isEqualTo(ko.get("application.error.returnDate.beforeEntry"));
        assertThat(Forms.errorFor(holder, "photo")).isEqualTo(ko.get("application.error.photo.required"));
        assertThat(Forms.hasNoError(holder, "nameLatin")).isTrue();
        assertThat(Forms.valueOf(holder, "nameKorean")).isEqualTo("Lee Doyun");
        assertThat(Forms.valueOf(holder, "nameLatin")).isEqualTo("LEE DOYUN");
        assertThat(Forms.valueOf(holder, "phone")).isEqualTo(traveller.phone());
        assertThat(Forms.valueOf(holder, "purposeDetail")).isEqualTo("공동 사업 협의 및 현장 점검");
        assertThat(Forms.valueOf(holder, "entryDate")).isEqualTo(TravelSteps.todayInSeoul().plusDays(5).toString());
        holder.snap("application-errors");
        holder.clickText(ko.get("menu.applications"));
        assertThat(holder.pageText()).contains(ko.get("application.list.empty"));

        holder.clickText(ko.get("menu.applications.new"));
        String reference = TravelSteps.apply(holder, ko, traveller, Pictures.travellerPhotoPng(temp), false);
        String applicationPath = holder.path();
        String photoPath = applicationPath + "/photo";

        // Another civilian guesses the address of that application and its photo.
        Browser other = journey.browser("other-civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(other, en, "Park Seoyeon");
        other.open(applicationPath);
        assertThat(other.text(By.tagName("h1"))).isIn(en.get("error.403.title"), en.get("error.404.title"));
        assertThat(other.pageText()).doesNotContain(reference, "이도윤", "LEE DOYUN");
        other.snap("other-application-refused");
        assertThat(other.fetch(photoPath).status()).isIn(403, 404);

        // The office approves, then revokes the pass; the holder still has the QR (screenshot or print).
        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerApproves(officer, ko, reference, false);
        TravelSteps.officerRecordsConsent(officer, ko, reference, "NK-2026-0512", false);
        String passPath = TravelSteps.openPass(holder, ko, reference, false);
        String token = TravelSteps.tokenFromQr(holder);

        String reason = "방문 일정이 취소되었습니다.";
        TravelSteps.officerRevokesPass(officer, ko, reference, reason, true);
        holder.open(passPath);
        assertThat(holder.pageText()).contains(ko.get("pass.status.REVOKED"), ko.get("pass.revoked.reason", reason));
        assertThat(holder.has(By.cssSelector("img.pass-qr-img"))).isFalse();
        holder.snap("pass-revoked");

        other.open(passPath);
        assertThat(other.text(By.tagName("h1"))).isIn(en.get("error.403.title"), en.get("error.404.title"));
        assertThat(other.pageText()).doesNotContain(reference, "이도윤");
        other.snap("other-pass-refused");

        // At the checkpoint the revoked pass is refused: red screen, the reason in words, what to do next.
        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, ko, "2", "NORTHBOUND", false);
        String result = TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("rejected");
        assertThat(result).contains(ko.get("checkpoint.reason.REVOKED"), ko.get("checkpoint.advice.REVOKED"),
                "REVOKED");
        checkpoint.snap("checkpoint-revoked-refused");
    }
}
