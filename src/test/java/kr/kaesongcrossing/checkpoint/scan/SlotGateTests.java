package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures.IssuedPass;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The gates' slot checks through the whole stack (scanner API, scan service, station page) on the demo route with
 * the checks on, as in production: the window where the crossing begins, consent per slot, overrides, and the
 * station's view of the current slot. Scans carry {@code scannedAt} (as offline devices do) to fall where the test
 * wants them in the slot's window.
 */
@SpringBootTest(properties = {"kc.schedule.gate-checks=true", "kc.route.gates=DORASAN,KAESONG"})
@AutoConfigureMockMvc
class SlotGateTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    ScanService scans;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestAccounts accounts;

    CheckpointFixtures fixtures;
    String bearer;
    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        bearer = CheckpointFixtures.deviceBearer(tokens, "slot-gate");
    }

    /**
     * A northbound slot leaving the first gate {@code minutes} from now (KST, whole minutes); each test has its own
     * so that their travellers do not meet in one slot.
     */
    private static SlotKey slotIn(int minutes) {
        ZonedDateTime at = ZonedDateTime.now(OfficeTime.ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutes);
        return new SlotKey(TravelDirection.NORTHBOUND, at.toLocalDate(), at.toLocalTime());
    }

    private IssuedPass traveller(String name) {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        return fixtures.pass(name + UUID.randomUUID().toString().substring(0, 4), today.minusDays(1),
                today.plusDays(2));
    }

    /** ACCEPTED, "ALERT x" or the refusal's reason, as the scanner API answers a scan made at {@code at}. */
    private String scan(IssuedPass pass, String gate, String direction, Instant at) throws Exception {
        return CheckpointFixtures.outcome(mvc.perform(CheckpointFixtures.scanRequest(bearer, pass.token(), gate,
                direction, at)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private String position(IssuedPass pass) {
        return jdbc.queryForObject("SELECT position FROM pass_presence WHERE pass_id = ?", String.class,
                pass.passId());
    }

    @Test
    void shouldLetTravellersInOnlyInTheirSlotsWindowAtDorasanAndOnAtTheZoneGate() throws Exception {
        SlotKey north = slotIn(0);
        Instant departs = TripSlot.departsAt(north);
        IssuedPass pass = traveller("시간대");
        fixtures.inSlot(pass, north, true);

        assertThat(scan(pass, "DORASAN", "NORTHBOUND", departs.minus(Duration.ofMinutes(31))))
                .isEqualTo("OUTSIDE_SLOT");
        assertThat(scan(pass, "DORASAN", "NORTHBOUND", departs.minus(Duration.ofMinutes(30))))
                .isEqualTo("ACCEPTED");
        assertThat(scan(pass, "KAESONG", "NORTHBOUND", Instant.now())).as("the zone gate takes whoever Dorasan "
                + "let through").isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("INSIDE");
        assertThat(jdbc.queryForList("SELECT DISTINCT slot FROM crossing_log WHERE pass_id = ? AND result = 'ACCEPTED'",
                String.class, pass.passId())).containsExactly(north.toString());

        // back south outside the southbound slot: let out, with an alert
        SlotKey south = new SlotKey(TravelDirection.SOUTHBOUND, north.date().plusDays(2), north.departsAt());
        fixtures.inSlot(pass, south, false);
        assertThat(scan(pass, "KAESONG", "SOUTHBOUND", Instant.now())).isEqualTo("ALERT OUTSIDE_SLOT");
        assertThat(scan(pass, "DORASAN", "SOUTHBOUND", Instant.now())).isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("SOUTH");
    }

    @Test
    void shouldRefuseATravellerWithoutConsentForTheSlotWithoutOverrideButLetASupervisorOverrideTheWindow()
            throws Exception {
        SlotKey north = slotIn(-13);
        Instant departs = TripSlot.departsAt(north);
        IssuedPass refused = traveller("동의없음");
        fixtures.inSlot(refused, north, false);
        assertThat(scan(refused, "DORASAN", "NORTHBOUND", departs)).isEqualTo("NO_CONSENT_FOR_SLOT");

        ScanRequest.Operator lane = ScanRequest.Operator.officer(accounts.create(Role.CHECKPOINT).id(), "lane");
        AccountPrincipal boss = accounts.create(Role.SUPERVISOR);
        ScanRequest.Operator supervisor = ScanRequest.Operator.officer(boss.id(), boss.displayName());
        ScanAnswer noConsent = scans.scan(new ScanRequest(UUID.randomUUID().toString(), refused.token(), Gate.DORASAN,
                Direction.NORTHBOUND, "1", departs, lane));
        assertThat(noConsent.reason()).isEqualTo(ScanReason.NO_CONSENT_FOR_SLOT);
        assertThat(noConsent.overridable()).isFalse();
        assertThatThrownBy(() -> scans.override(noConsent.scanId(), "the North will agree", lane, supervisor))
                .isInstanceOf(ScanService.OverrideRefused.class);

        // a trip from before slots is outside any slot: a supervisor may let it through, with a reason
        IssuedPass older = traveller("옛통행");
        ScanAnswer outside = scans.scan(new ScanRequest(UUID.randomUUID().toString(), older.token(), Gate.DORASAN,
                Direction.NORTHBOUND, "1", null, lane));
        assertThat(outside.reason()).isEqualTo(ScanReason.OUTSIDE_SLOT);
        assertThat(outside.overridable()).isTrue();
        assertThat(scans.override(outside.scanId(), "trip booked before slots", lane, supervisor).accepted())
                .isTrue();
        assertThat(position(older)).isEqualTo("IN_TRANSIT");
    }

    @Test
    void shouldShowTheCurrentSlotOnTheStationWithWhoIsStillMissing() throws Exception {
        // today's timetable slots stay out of the way: only slots with rows remain on a closed day, and this test's
        // is the latest whose window is open (it opened ten minutes ago)
        SlotKey north = slotIn(20);
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        boolean closedByUs = jdbc.update("INSERT INTO closed_day (day, reason) SELECT ?, 'slot gate test' FROM DUAL "
                + "WHERE NOT EXISTS (SELECT 1 FROM closed_day WHERE day = ?)", today, today) == 1;
        try {
            IssuedPass arrived = traveller("도착");
            IssuedPass missing = traveller("미도착");
            fixtures.inSlot(arrived, north, true);
            fixtures.inSlot(missing, north, true);
            assertThat(scan(arrived, "DORASAN", "NORTHBOUND", Instant.now())).isEqualTo("ACCEPTED");

            AccountPrincipal officer = accounts.create(Role.CHECKPOINT);
            Cookie session = Arrays.stream(mvc.perform(post("/checkpoint/station").param("gate", "DORASAN")
                            .param("lane", "3").param("direction", "NORTHBOUND").with(signedIn(officer)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookies())
                    .filter(c -> c.getName().endsWith("SESSION")).findFirst().orElseThrow();
            String station = mvc.perform(get("/checkpoint").cookie(session).with(signedIn(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String time = north.departsAt().toString();
            assertThat(station).contains("현재 통행 시간대", "출경 " + time);
            assertThat(station.replaceAll("\\s+", " ")).contains("id=\"slot-expected\">2<", "id=\"slot-arrived\">1<",
                    "id=\"slot-missing-count\">1<");
            String list = station.substring(station.indexOf("id=\"slot-missing\""));
            assertThat(list).contains(missing.nameKorean(), "TEST HOLDER").doesNotContain(arrived.nameKorean());

            String camera = mvc.perform(get("/checkpoint/camera").cookie(session).with(signedIn(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(camera).contains("현재 통행 시간대", missing.nameKorean());
        } finally {
            if (closedByUs) {
                jdbc.update("DELETE FROM closed_day WHERE day = ?", today);
            }
        }
    }
}
