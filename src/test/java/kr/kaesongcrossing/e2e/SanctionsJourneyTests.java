package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
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
 * Issue 17 from end to end, in Korean: the administrator lists a person known only by a McCune-Reischauer spelling;
 * a traveller registers her own van and applies driving it; her two-way radio blocks the submission, rice and a
 * camera under export permits go in; the application is held as a near-match of the listed person, and the officer
 * clears it with a reason before approving the permit items; at the vehicle lane the van and its driver cross
 * together, the goods are ticked off northbound as declared and southbound the camera is not back, a difference the
 * checkpoint closes with a reason on the goods page.
 */
@BrowserTest
class SanctionsJourneyTests {

    private static final String LISTED_LATIN = "PAE UN-SOL";

    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;

    /** The traveller's browser, signed in from the application on. */
    private Browser civilian;

    @Test
    @JourneyName("sanctions-and-gate")
    void shouldScreenTheTravellerAndCheckTheVanAndItsGoodsAtTheGate(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);
        LocalDate entry = TravelSteps.todayInSeoul();
        LocalDate returning = entry.plusDays(2);
        TravelSteps.Traveller driver = TravelSteps.traveller("배은솔", "BAE EUNSOL");
        String plate = "58허" + (1000 + (int) (Math.random() * 9000));
        try {
            listPerson(journey, ko, driver.dateOfBirth());
            String reference = applyWithVanAndGoods(journey, ko, driver, plate, entry, returning, temp);
            clearAndApprove(journey, ko, reference);
            crossAndCheckGoods(journey, ko, reference, plate);
        } finally {
            // the list is shared by every test using this database: take the person off it again
            jdbc.update("DELETE FROM screening_match WHERE entry_id IN "
                    + "(SELECT id FROM watch_list_entry WHERE name_latin = ?)", LISTED_LATIN);
            jdbc.update("DELETE FROM watch_list_entry WHERE name_latin = ?", LISTED_LATIN);
        }
    }

    private void listPerson(Journey journey, Texts ko, LocalDate born) {
        AccountPrincipal adminAccount = accounts.create(Role.ADMIN);
        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(adminAccount.email(), TestAccounts.PASSWORD);
        admin.open("/admin/watchlist");
        admin.type("nameLatin", LISTED_LATIN).typeDate("dateOfBirth", born)
                .type("reason", "안보리 제재 위원회 지정 인물(시험용)").type("source", "외교부 통보");
        admin.clickText(ko.get("watchlist.add"));
        admin.waitForText(ko.get("watchlist.added"));
        assertThat(admin.pageText()).contains(LISTED_LATIN);
        admin.snap("watchlist-entry");
    }

    private String applyWithVanAndGoods(Journey journey, Texts ko, TravelSteps.Traveller driver, String plate,
            LocalDate entry, LocalDate returning, Path temp) {
        civilian = journey.browser("civilian", Viewport.DESKTOP);
        TravelSteps.registerAndLogIn(civilian, ko, driver.nameKorean());
        civilian.clickText(ko.get("menu.vehicles"));
        civilian.waitForPath("/vehicles");
        civilian.clickText(ko.get("vehicle.register"));
        civilian.waitForPath("/vehicles/new");
        civilian.type("plate", plate).select("type", "VAN").type("make", "기아 카니발").type("colour", "회색")
                .type("permitNumber", "OP-2026-5812").typeDate("permitExpires", returning.plusMonths(6));
        civilian.clickText(ko.get("vehicle.save"));
        civilian.waitForText(ko.get("vehicle.registered"));

        civilian.clickText(ko.get("menu.applications.new"));
        civilian.waitForPath("/applications/new");
        TravelSteps.fillApplication(civilian, driver, entry, returning);
        civilian.find(By.xpath("//select[@id='vehicleId']/option[starts-with(normalize-space(.),'" + plate + "')]"))
                .click();
        TravelSteps.pickSlots(civilian, entry, returning);
        civilian.upload(By.id("photo"), Pictures.travellerPhotoPng(temp));
        civilian.type("goods0.description", "휴대용 무전기").type("goods0.quantity", "2").type("goods0.valueKrw", "400000")
                .select("goods0.categoryCode", "KC-RADIO").select("goods0.comesBack", "true");
        civilian.clickText(ko.get("application.form.submit"));
        civilian.waitForText(ko.get("application.form.errors"));
        assertThat(civilian.pageText()).contains(ko.get("application.error.goods.prohibited",
                "KC office rule (사무소 규정): radio transmitters"));
        civilian.snap("radio-blocked");

        civilian.type("goods0.description", "쌀 20kg").type("goods0.quantity", "5").type("goods0.valueKrw", "300000")
                .select("goods0.categoryCode", "HS10").select("goods0.comesBack", "false")
                .type("goods0.permitNumber", "MOU-2026-0921");
        civilian.type("goods1.description", "현장 기록용 카메라").type("goods1.quantity", "1")
                .type("goods1.valueKrw", "900000").select("goods1.categoryCode", "KC-CAMERA")
                .select("goods1.comesBack", "true").type("goods1.permitNumber", "EP-2026-0077");
        civilian.upload(By.id("photo"), Pictures.travellerPhotoPng(temp));
        civilian.clickText(ko.get("application.form.submit"));
        civilian.waitForText(ko.get("application.notice.submitted"));
        return TravelSteps.referenceOnPage(civilian);
    }

    private void clearAndApprove(Journey journey, Texts ko, String reference) {
        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerOpens(officer, ko, reference);
        assertThat(officer.pageText()).contains(ko.get("screening.hold.title"), ko.get("screening.hold.intro"));
        officer.snap("screening-hold");
        officer.clickText(ko.get("screening.hold.link"));
        officer.waitForPath("/review/screening/");
        assertThat(officer.pageText()).contains(LISTED_LATIN, ko.get("screening.status.OPEN"),
                ko.get("screening.why.birth"));
        officer.type(By.cssSelector("textarea[name='reason']"), "여권 사본과 주민등록 확인: 명단의 인물과 다른 사람");
        officer.snap("screening-clear");
        officer.clickText(ko.get("screening.clear"));
        officer.waitForText(ko.get("screening.cleared"));
        assertThat(officer.pageText()).contains(ko.get("screening.status.CLEARED"));

        TravelSteps.officerOpens(officer, ko, reference);
        assertThat(officer.pageText()).doesNotContain(ko.get("screening.hold.intro"))
                .contains(ko.get("application.detail.goodsPermitNotice"), "MOU-2026-0921", "EP-2026-0077");
        officer.clickText(ko.get("application.review.approve"));
        officer.waitForText(ko.get("application.review.done", ko.get("application.status.AWAITING_CONSENT")));
        TravelSteps.officerRecordsConsent(officer, ko, reference, "NK-2026-5812", false);
    }

    private void crossAndCheckGoods(Journey journey, Texts ko, String reference, String plate) {
        String driverToken = token(reference, "PERSON");
        String vehicleToken = token(reference, "VEHICLE");
        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser lane = journey.browser("checkpoint", Viewport.TABLET);
        lane.login(checkpointAccount.email(), TestAccounts.PASSWORD);

        String north = vehicleLane(lane, ko, "NORTHBOUND", vehicleToken, driverToken);
        assertThat(north).contains(ko.get("checkpoint.vehicle.accepted.NORTHBOUND"), plate, "배은솔",
                ko.get("checkpoint.goods.station.title.NORTHBOUND"), "쌀 20kg", "현장 기록용 카메라");
        lane.snap("van-north-goods");
        lane.clickText(ko.get("checkpoint.goods.tickOff"));
        lane.waitForPath("/checkpoint/scans/");
        lane.clickText(ko.get("checkpoint.goods.record"));
        lane.waitForPath("/checkpoint/vehicle");
        assertThat(lane.text(By.id("scan-goods"))).contains(ko.get("checkpoint.goods.recorded"), "차이 0건");

        String south = vehicleLane(lane, ko, "SOUTHBOUND", vehicleToken, driverToken);
        assertThat(south).contains(ko.get("checkpoint.vehicle.accepted.SOUTHBOUND"), "현장 기록용 카메라")
                .doesNotContain("쌀 20kg");
        lane.clickText(ko.get("checkpoint.goods.tickOff"));
        lane.waitForPath("/checkpoint/scans/");
        lane.select("outcome-0", "NOT_BACK").type("note-0", "북측 협력사에 수리를 맡기고 옴");
        lane.snap("van-south-tick-off");
        lane.clickText(ko.get("checkpoint.goods.record"));
        lane.waitForPath("/checkpoint/vehicle");
        assertThat(lane.text(By.id("scan-goods"))).contains("차이 1건");

        lane.clickText(ko.get("menu.goods"));
        lane.waitForPath("/checkpoint/goods");
        String row = "//tr[contains(., '북측 협력사에 수리를 맡기고 옴')]";
        assertThat(lane.text(By.id("goods-open"))).contains("배은솔", "현장 기록용 카메라");
        lane.type(By.xpath(row + "//input[@name='reason']"), "반출 승인서의 수리 위탁 조건 확인, 반입 예정일 등록");
        lane.click(By.xpath(row + "//button"));
        assertThat(lane.pageText()).contains(ko.get("checkpoint.goods.closed"));
        assertThat(lane.text(By.id("goods-open"))).doesNotContain("북측 협력사에 수리를 맡기고 옴");
        lane.snap("goods-difference-closed");
    }

    /** The vehicle lane in {@code direction}: the scanner reads the vehicle pass, then the driver's; the answer. */
    private static String vehicleLane(Browser lane, Texts ko, String direction, String vehicleToken,
            String driverToken) {
        TravelSteps.checkpointStation(lane, ko, "V1", direction, false);
        lane.clickText(ko.get("checkpoint.vehicle.link"));
        lane.waitForPath("/checkpoint/vehicle");
        lane.waitUntil(b -> "vehicleToken".equals(b.focused().getDomAttribute("id")), "the vehicle field");
        lane.focused().sendKeys(vehicleToken + Keys.ENTER);
        lane.waitUntil(b -> "driverToken".equals(b.focused().getDomAttribute("id")), "the driver field");
        lane.navigating(() -> lane.focused().sendKeys(driverToken + Keys.ENTER));
        assertThat(lane.find(By.id("scan-result")).getDomAttribute("class")).contains("accepted");
        return lane.text(By.id("scan-result"));
    }

    /** The token of the trip's live pass of {@code kind}, read from its QR code on the holder's pass page. */
    private String token(String reference, String kind) {
        civilian.open("/passes/" + jdbc.queryForObject("SELECT pass_id FROM pass WHERE application_reference = ? "
                + "AND kind = ? AND revoked_at IS NULL", String.class, reference, kind));
        return TravelSteps.tokenFromQr(civilian);
    }
}
