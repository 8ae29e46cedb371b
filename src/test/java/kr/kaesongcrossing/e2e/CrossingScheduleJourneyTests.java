package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.system.OfficeTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The crossing schedule, in Korean: an administrator adds a slot for this morning, two travellers apply in it, an
 * officer approves them, records the slot's manifest and downloads its PDF (Hangul readable), imports the North's
 * consent for the slot from CSV; at the checkpoint the first traveller crosses northbound at Dorasan (in transit on
 * the roster) then at the zone gate (inside); a supervisor allows returns only, and the second traveller's northbound
 * scan is refused with ROUTE_CLOSED.
 * <p>
 * The app runs on a route of two gates with the gates' slot checks on (its own context: one more app start of
 * about 20 s). Its clock is set back to 07:00 KST of the latest morning that has begun (and ticks from there), so the
 * slot at 07:15 covers every scan of the journey whatever the hour it runs at, midnight included; the time set back
 * (less than a day) keeps what this app writes older than what the other suites write in the shared database.
 */
@BrowserTest
@TestPropertySource(properties = {"kc.route.gates=DORASAN,KAESONG", "kc.schedule.gate-checks=true"})
class CrossingScheduleJourneyTests {

    /** The office's morning: a slot at 07:15, scanned from 07:00 (its window opens 30 minutes before). */
    static final LocalTime MORNING = LocalTime.of(7, 0);
    static final LocalTime SLOT_TIME = LocalTime.of(7, 15);

    @TestBean
    Clock clock;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    /** The app's clock: 07:00 KST of the latest morning that has begun, ticking. */
    static Clock clock() {
        Instant now = Instant.now();
        ZonedDateTime morning = now.atZone(OfficeTime.ZONE).with(MORNING);
        if (morning.toInstant().isAfter(now)) {
            morning = morning.minusDays(1);
        }
        return Clock.offset(Clock.systemUTC(), Duration.between(now, morning.toInstant()));
    }

    /** The route mode is global, and other suites share the database: leave the route open (as RouteModeTests). */
    @AfterEach
    void reopenTheRoute() {
        jdbc.update("DELETE FROM route_mode_change");
    }

    @Test
    @JourneyName("crossing-schedule-ko")
    void shouldCrossInASlotAlongTheRouteUntilOnlyReturnsAreAllowed(Journey journey, @TempDir Path temp)
            throws Exception {
        Texts ko = Texts.korean(messages);
        LocalDate today = OfficeTime.today(clock);
        String slot = "N-" + today + "-0715";

        AccountPrincipal adminAccount = accounts.create(Role.ADMIN);
        Browser admin = journey.browser("admin", Viewport.DESKTOP);
        admin.login(adminAccount.email(), TestAccounts.PASSWORD);
        admin.clickText(ko.get("menu.admin.schedule"));
        admin.waitForPath("/admin/schedule");
        admin.clickText(ko.get("schedule.admin.dayLink"));
        admin.waitForText(ko.get("schedule.admin.day.title", today.toString()));
        admin.select("direction", "NORTHBOUND").type("time", "0715AM").type("peopleCap", "10").type("vehicleCap", "0");
        admin.clickText(ko.get("schedule.admin.oneOff.add"));
        admin.waitForText(ko.get("schedule.admin.oneOffAdded"));
        assertThat(admin.pageText()).contains("07:15", ko.get("schedule.admin.held", 0, 10));
        admin.snap("admin-one-off-slot");
        journey.close(admin);

        // One applicant applies for two colleagues; the earliest northbound slot of today is the one just added.
        TravelSteps.Traveller first = TravelSteps.traveller("한바다", "HAN BADA");
        TravelSteps.Traveller second = TravelSteps.traveller("윤슬기", "YUN SEULGI");
        Browser civilian = journey.browser("civilian", Viewport.PHONE);
        TravelSteps.registerAndLogIn(civilian, ko, "한바다");
        String firstReference = TravelSteps.apply(civilian, ko, first, Pictures.travellerPhotoPng(temp), today,
                today.plusDays(2), false);
        assertThat(civilian.pageText()).contains(today + " 07:15");
        String secondReference = TravelSteps.apply(civilian, ko, second, Pictures.travellerPhotoPng(temp), today,
                today.plusDays(2), false);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerApproves(officer, ko, firstReference, false);
        TravelSteps.officerApproves(officer, ko, secondReference, false);

        // The slot's manifest: recorded as version 1, its PDF downloaded by the browser and read back.
        officer.clickText(ko.get("menu.slots"));
        officer.waitForPath("/review/slots");
        officer.snap("slots");
        officer.click(By.cssSelector("a[href='/review/slots/" + slot + "']"));
        officer.waitForPath("/review/slots/" + slot);
        assertThat(officer.pageText()).contains("한바다", "HAN BADA", "윤슬기", "YUN SEULGI",
                ko.get("manifest.versions.unrecorded"));
        officer.clickText(ko.get("manifest.versions.record"));
        officer.waitForText(ko.get("manifest.download.pdf", 1));
        officer.snap("slot-manifest-v1");
        Path pdf = officer.download(By.linkText(ko.get("manifest.download.pdf", 1)));
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(document)).contains("한바다", "윤슬기", "HAN BADA");
        }

        // The North's consent list for the slot, as the CSV the office receives.
        Path list = temp.resolve("consent-" + slot + ".csv");
        Files.writeString(list, "신청 번호,결정,상대측 통보 번호\n" + firstReference + ",동의,NK-2026-0715-01\n"
                + secondReference + ",동의,NK-2026-0715-02\n", StandardCharsets.UTF_8);
        officer.type("listReference", "NK-2026-0715");
        officer.upload(By.id("file"), list);
        officer.clickText(ko.get("application.consent.import.preview"));
        officer.waitForText(ko.get("application.consent.preview.title"));
        assertThat(officer.pageText()).contains(firstReference, secondReference);
        officer.snap("slot-consent-preview");
        officer.clickText(ko.get("application.consent.preview.confirm", 2));
        officer.waitForText(ko.get("application.consent.result.summary", 2, 0));
        officer.snap("slot-consent-recorded");
        officer.clickText(ko.get("application.consent.result.backToSlot"));
        officer.waitForPath("/review/slots/" + slot);
        assertThat(officer.findAll(By.xpath("//td/span[normalize-space(.)="
                + Browser.xpathLiteral(ko.get("manifest.consent.received")) + "]"))).hasSize(2);
        journey.close(officer);

        TravelSteps.openPass(civilian, ko, firstReference, false);
        String firstToken = TravelSteps.tokenFromQr(civilian);
        TravelSteps.openPass(civilian, ko, secondReference, false);
        String secondToken = TravelSteps.tokenFromQr(civilian);

        // Northbound along the route: Dorasan's CIQ, the DMZ road, then the zone gate.
        AccountPrincipal checkpointAccount = accounts.create(Role.CHECKPOINT);
        Browser checkpoint = journey.browser("checkpoint", Viewport.TABLET);
        checkpoint.login(checkpointAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(checkpoint, ko, "DORASAN", "1", "NORTHBOUND", true);
        String result = TravelSteps.scanWithKeyboardWedge(checkpoint, firstToken);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("accepted");
        assertThat(result).contains("한바다");
        checkpoint.snap("dorasan-northbound-accepted");

        assertThat(rosterPosition(checkpoint, ko, "HAN BADA"))
                .isEqualTo(ko.get("checkpoint.roster.where.IN_TRANSIT", ko.get("checkpoint.gate.short.DORASAN"),
                        ko.get("checkpoint.direction.NORTHBOUND")))
                .contains("이동 중");
        checkpoint.snap("roster-in-transit");

        TravelSteps.checkpointStation(checkpoint, ko, "KAESONG", "1", "NORTHBOUND", false);
        TravelSteps.scanWithKeyboardWedge(checkpoint, firstToken);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("accepted");
        assertThat(rosterPosition(checkpoint, ko, "HAN BADA")).isEqualTo(ko.get("checkpoint.roster.where.INSIDE"));

        // The North allows returns only: a supervisor says so, with a reason, from now.
        AccountPrincipal supervisorAccount = accounts.create(Role.SUPERVISOR);
        Browser supervisor = journey.browser("supervisor", Viewport.DESKTOP);
        supervisor.login(supervisorAccount.email(), TestAccounts.PASSWORD);
        supervisor.clickText(ko.get("menu.route"));
        supervisor.waitForPath("/checkpoint/route");
        String reason = "북측 통보: 오늘부터 입경만 허용";
        supervisor.select("mode", "SOUTHBOUND_ONLY").type("reason", reason);
        supervisor.clickText(ko.get("checkpoint.route.submit"));
        supervisor.waitForText(ko.get("checkpoint.route.changed"));
        String returnsOnly = ko.get("layout.route.now", ko.get("checkpoint.route.mode.SOUTHBOUND_ONLY"));
        assertThat(supervisor.text(By.cssSelector(".route-banner"))).contains(returnsOnly, reason);
        supervisor.snap("route-returns-only");

        TravelSteps.checkpointStation(checkpoint, ko, "DORASAN", "1", "NORTHBOUND", false);
        assertThat(checkpoint.text(By.cssSelector(".route-banner"))).contains(returnsOnly);
        result = TravelSteps.scanWithKeyboardWedge(checkpoint, secondToken);
        assertThat(TravelSteps.decisionOnScreen(checkpoint, ko, "NORTHBOUND")).isEqualTo("rejected");
        assertThat(result).contains(ko.get("checkpoint.reason.ROUTE_CLOSED"),
                ko.get("checkpoint.station.code", "ROUTE_CLOSED"));
        checkpoint.snap("dorasan-northbound-route-closed");
    }

    /** Where the roster puts the traveller with this Latin name (opened from the menu). */
    private static String rosterPosition(Browser checkpoint, Texts t, String nameLatin) {
        checkpoint.clickText(t.get("menu.roster"));
        checkpoint.waitForPath("/checkpoint/roster");
        return checkpoint.text(By.xpath("//table//tr[contains(normalize-space(.)," + Browser.xpathLiteral(nameLatin)
                + ")]/td[contains(@class,'kc-roster-where')]"));
    }
}
