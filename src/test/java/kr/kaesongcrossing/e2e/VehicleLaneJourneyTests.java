package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A company's van crosses with its driver, in Korean: the coordinator registers the van, applies to travel driving
 * it, the office approves, the pass page shows the vehicle pass next to the person's, and at the zone gate's vehicle
 * lane the officer's scanner reads the vehicle pass and then the driver's: both go north together.
 */
@BrowserTest
class VehicleLaneJourneyTests {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @JourneyName("vehicle-lane-ko")
    void shouldLetARegisteredVanAndItsDriverCrossTogether(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);
        TravelSteps.Traveller driver = TravelSteps.traveller("한도윤", "HAN DOYUN");
        String plate = "77사" + (1000 + (int) (Math.random() * 9000));

        Browser coordinator = journey.browser("coordinator", Viewport.DESKTOP);
        String email = TravelSteps.registerAndLogIn(coordinator, ko, "한도윤");
        coordinates(email);

        coordinator.clickText(ko.get("menu.vehicles"));
        coordinator.waitForPath("/vehicles");
        coordinator.clickText(ko.get("vehicle.register"));
        coordinator.waitForPath("/vehicles/new");
        coordinator.find(By.xpath("//select[@id='organisationId']/option[normalize-space(.)='차량 운송']")).click();
        coordinator.type("plate", plate.substring(0, 3) + " " + plate.substring(3)).select("type", "VAN")
                .type("make", "현대 스타리아").type("colour", "흰색").type("permitNumber", "OP-2026-7788")
                .typeDate("permitExpires", TravelSteps.todayInSeoul().plusYears(1));
        coordinator.clickText(ko.get("vehicle.save"));
        coordinator.waitForText(ko.get("vehicle.registered"));
        assertThat(coordinator.pageText()).contains(plate, "차량 운송", "승합차");
        coordinator.snap("vehicle-registered");

        coordinator.clickText(ko.get("menu.applications.new"));
        coordinator.waitForPath("/applications/new");
        TravelSteps.fillApplication(coordinator, driver, TravelSteps.todayInSeoul(),
                TravelSteps.todayInSeoul().plusDays(2));
        coordinator.find(By.xpath("//select[@id='vehicleId']/option[starts-with(normalize-space(.),'" + plate
                + "')]")).click();
        TravelSteps.pickSlots(coordinator, TravelSteps.todayInSeoul(), TravelSteps.todayInSeoul().plusDays(2));
        coordinator.upload(By.id("photo"), Pictures.travellerPhotoPng(temp));
        coordinator.clickText(ko.get("application.form.submit"));
        coordinator.waitForText(ko.get("application.notice.submitted"));
        String reference = TravelSteps.referenceOnPage(coordinator);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerApproves(officer, ko, reference, false);
        TravelSteps.officerRecordsConsent(officer, ko, reference, "NK-2026-7788", false);

        coordinator.open("/passes/" + passId(reference, "PERSON"));
        assertThat(coordinator.pageText()).contains(ko.get("pass.vehicle.title", plate));
        String driverToken = TravelSteps.tokenFromQr(coordinator);
        coordinator.snap("pass-with-vehicle");
        coordinator.clickText(ko.get("pass.vehicle.open"));
        coordinator.waitForPath("/passes/" + passId(reference, "VEHICLE"));
        assertThat(coordinator.pageText()).contains(plate, ko.get("pass.field.driver"));
        String vehicleToken = TravelSteps.tokenFromQr(coordinator);

        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, ko, "V1", "NORTHBOUND", false);
        checkpoint.clickText(ko.get("checkpoint.vehicle.link"));
        checkpoint.waitForPath("/checkpoint/vehicle");
        // the handheld scanner types each code and Enter into whatever has focus
        checkpoint.waitUntil(b -> "vehicleToken".equals(b.focused().getDomAttribute("id")), "the vehicle field");
        checkpoint.focused().sendKeys(vehicleToken + Keys.ENTER);
        checkpoint.waitUntil(b -> "driverToken".equals(b.focused().getDomAttribute("id")), "the driver field");
        checkpoint.navigating(() -> checkpoint.focused().sendKeys(driverToken + Keys.ENTER));

        String result = checkpoint.text(By.id("scan-result"));
        assertThat(checkpoint.find(By.id("scan-result")).getDomAttribute("class")).contains("accepted");
        assertThat(result).contains(ko.get("checkpoint.vehicle.accepted.NORTHBOUND"), plate, "승합차", "한도윤");
        checkpoint.snap("vehicle-lane-accepted");
    }

    /** The account of {@code email} coordinates a new company (as the administrator would name them). */
    private void coordinates(String email) {
        String number = "VL-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('차량 운송', 'Vehicle Transport', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) SELECT o.id, u.id, "
                + "'COORDINATOR', ? FROM organisation o, user_account u WHERE o.registration_number = ? "
                + "AND u.email = ?", Timestamp.from(Instant.now()), number, email);
    }

    private String passId(String reference, String kind) {
        return jdbc.queryForObject("SELECT pass_id FROM pass WHERE application_reference = ? AND kind = ? "
                + "AND revoked_at IS NULL", String.class, reference, kind);
    }
}
