package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's permit journey, in English: an officer grants a standing permit to a resident company's employee
 * (who applied once before, so their data is on file); the holder books today's crossing from their permit page in
 * two clicks (a slot, Book); the officer records the counterpart's consent; the checkpoint scans the permit's one
 * long-lived pass and lets the holder through.
 */
@BrowserTest
class PermitJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    /** The holder's company, with the holder a member (organisations are created by ADMIN; not this journey). */
    private void memberOfACompany(String email) {
        String registration = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('개성상주기업', 'Kaesong Resident Co.', 'COMPANY', ?, ?)", registration, now);
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) SELECT o.id, a.id, "
                + "'MEMBER', ? FROM organisation o, user_account a WHERE o.registration_number = ? AND a.email = ?",
                now, registration, email);
    }

    @Test
    @JourneyName("permit-en")
    void shouldBookInTwoClicksAndCrossOnTheStandingPermitsPass(Journey journey, @TempDir Path temp) {
        Texts en = Texts.english(messages);
        Browser holder = journey.browser("holder", Viewport.PHONE);
        String email = TravelSteps.registerAndLogIn(holder, en, "Park Jiho");
        TravelSteps.apply(holder, en, TravelSteps.traveller("박지호", "PARK JIHO"), Pictures.travellerPhotoPng(temp),
                TravelSteps.todayInSeoul().plusDays(20), TravelSteps.todayInSeoul().plusDays(22), false);
        memberOfACompany(email);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER, "en");
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        officer.clickText(en.get("menu.review.permits"));
        officer.waitForPath("/review/permits");
        officer.type("holderEmail", email).select("organisationId", organisationOf(email))
                .select("purpose", "ECONOMIC_COOPERATION").type("purposeDetail", "Resident plant engineer");
        officer.snap("grant-form");
        officer.clickText(en.get("permit.grant"));
        officer.waitUntil(b -> b.has(By.cssSelector(".krds-alert.success")) ? true : null, "the grant's notice");
        assertThat(officer.pageText()).contains("Park Jiho", en.get("permit.state.VALID"));

        // two clicks on the permit page: a slot of today, then Book
        holder.clickText(en.get("menu.permits"));
        holder.waitForPath("/permits");
        String radio = holder.find(By.cssSelector("input[name='northbound']")).getAttribute("id");
        holder.click(By.cssSelector("label[for='" + radio + "']"));
        holder.snap("slot-chosen");
        holder.click(By.cssSelector("button[id^='confirm-']"));
        holder.waitUntil(b -> b.has(By.cssSelector(".krds-alert.success")) ? true : null, "the booking's notice");
        String reference = holder.text(By.cssSelector(".krds-alert.success")).replaceAll(".*(KC-\\d{4}-\\d+).*", "$1");
        assertThat(holder.pageText()).contains(reference, en.get("application.status.AWAITING_CONSENT"));
        holder.snap("booked");

        TravelSteps.officerRecordsConsent(officer, en, reference, "NK-2026-1215", false);
        journey.close(officer);

        holder.clickText(en.get("menu.passes"));
        holder.waitForPath("/passes");
        holder.click(By.partialLinkText("KP-"));
        holder.waitForPath("/passes/");
        String token = TravelSteps.tokenFromQr(holder);
        holder.snap("permit-pass");

        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT, "en");
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, en, "Permit lane", "NORTHBOUND", false);
        TravelSteps.scanWithKeyboardWedge(checkpoint, token);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, en, "NORTHBOUND")).isEqualTo("accepted");
        assertThat(checkpoint.text(By.id("scan-result"))).contains("박지호");
        checkpoint.snap("permit-crossed");
    }

    private String organisationOf(String email) {
        return String.valueOf(jdbc.queryForObject("SELECT m.organisation_id FROM organisation_member m JOIN user_account a "
                + "ON a.id = m.account_id WHERE a.email = ?", Long.class, email));
    }
}
