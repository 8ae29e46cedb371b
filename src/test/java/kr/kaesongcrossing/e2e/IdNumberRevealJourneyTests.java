package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * An ID number shown on purpose: the officer sees it masked, reveals it with a reason for that page only, and the
 * administrator finds who did it and why in the audit trail (never the number).
 */
@BrowserTest
class IdNumberRevealJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("id-number-reveal")
    void shouldRevealAnIdNumberForAReasonTheAdministratorFindsInTheAuditTrail(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);

        Browser applicant = journey.browser("applicant", Viewport.PHONE);
        TravelSteps.registerAndLogIn(applicant, ko, "한지민");
        TravelSteps.Traveller traveller = TravelSteps.traveller("한지민", "HAN JIMIN");
        String reference = TravelSteps.apply(applicant, ko, traveller, Pictures.travellerPhotoPng(temp), false);
        String number = traveller.idNumber();
        String masked = number.substring(0, 2) + "*".repeat(number.length() - 2);

        // The officer sees the number masked, as the applicant does.
        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerOpens(officer, ko, reference);
        String applicationPath = officer.path();
        String applicationId = applicationPath.substring(applicationPath.lastIndexOf('/') + 1);
        assertThat(officer.text(By.cssSelector(".app-id-number"))).isEqualTo(masked);
        assertThat(officer.pageText()).doesNotContain(number);

        // "Show number" with a reason: the full number on this page, masked again on the next visit.
        officer.select("id-number-reason", "IDENTITY_CHECK");
        officer.clickText(ko.get("application.review.idNumber.show"));
        officer.waitForText(ko.get("application.review.idNumber.revealed"));
        assertThat(officer.text(By.cssSelector(".app-id-number"))).isEqualTo(number);
        officer.snap("id-number-revealed");
        officer.open(applicationPath);
        assertThat(officer.text(By.cssSelector(".app-id-number"))).isEqualTo(masked);
        assertThat(officer.pageText()).doesNotContain(number);

        // The administrator filters the audit trail by the action and finds the officer and the reason.
        AccountPrincipal adminAccount = accounts.create(Role.ADMIN);
        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(adminAccount.email(), TestAccounts.PASSWORD);
        admin.clickText(ko.get("menu.admin.audit"));
        admin.waitForPath("/admin/audit");
        admin.type("action", "application.id-number-revealed").type("subjectType", "application")
                .type("subjectId", applicationId);
        admin.clickText(ko.get("audit.filter.submit"));
        // the events' table, not the anchors' under it (there are anchors once the anchor job ran on this database)
        List<WebElement> rows = admin.findAll(By.xpath("//table[caption[normalize-space(.)="
                + "'" + ko.get("audit.caption") + "']]/tbody/tr"));
        assertThat(rows).hasSize(1);
        String row = rows.get(0).getText();
        assertThat(row).contains(ko.get("audit.actor.ACCOUNT") + " " + officerAccount.id(), "OFFICER",
                "application.id-number-revealed", "application " + applicationId, "reason=IDENTITY_CHECK",
                ko.get("audit.outcome.SUCCESS"));
        assertThat(admin.pageText()).doesNotContain(number);
        admin.snap("audit-id-number-revealed");
    }
}
