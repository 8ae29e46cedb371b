package kr.kaesongcrossing.checkpoint.scan;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** The vehicle lane on the real database (H2 by default, MariaDB with KC_TEST_DB=mysql), at the zone gate. */
@SpringBootTest
@AutoConfigureMockMvc
class VehicleLaneTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestAccounts accounts;

    CheckpointFixtures fixtures;
    AccountPrincipal officer;
    Cookie session;

    @BeforeEach
    void station() throws Exception {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        officer = accounts.create(Role.CHECKPOINT);
        session = java.util.Arrays.stream(choose("NORTHBOUND", null).getCookies())
                .filter(c -> c.getName().endsWith("SESSION")).findFirst().orElseThrow();
    }

    private org.springframework.mock.web.MockHttpServletResponse choose(String direction, Cookie cookie)
            throws Exception {
        var request = post("/checkpoint/station").param("gate", "KAESONG").param("lane", "V1")
                .param("direction", direction).with(signedIn(officer)).with(csrf());
        return mvc.perform(cookie == null ? request : request.cookie(cookie)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).cookie(session).with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String cross(String vehicleToken, String driverToken) throws Exception {
        String location = mvc.perform(post("/checkpoint/vehicle/scan").param("scanId", UUID.randomUUID().toString())
                        .param("vehicleToken", vehicleToken).param("driverToken", driverToken).cookie(session)
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/checkpoint/vehicle?scan=");
        return page(location);
    }

    private Map<String, Object> logOf(String passId) {
        return jdbc.queryForMap("SELECT result, reason, alert, driver_scan_id, holder_name_korean FROM crossing_log "
                + "WHERE pass_id = ? ORDER BY id DESC LIMIT 1", passId);
    }

    private String positionOf(String passId) {
        return jdbc.query("SELECT position FROM pass_presence WHERE pass_id = ?", rs -> rs.next()
                ? rs.getString(1) : "SOUTH", passId);
    }

    @Test
    void shouldLetTheVehicleAndItsDriverInTogetherAndLogBoth() throws Exception {
        CheckpointFixtures.VehicleTrip trip = fixtures.vehicleTrip("운전자", "12가3456");

        String answer = cross(trip.vehicleToken(), trip.driver().token());

        assertThat(answer).contains("차량과 운전자의 출경을 허가합니다.").contains("12가3456").contains("운전자")
                .contains("승합차");
        assertThat(positionOf(trip.vehiclePassId())).isEqualTo("INSIDE");
        assertThat(positionOf(trip.driver().passId())).isEqualTo("INSIDE");
        Map<String, Object> vehicle = logOf(trip.vehiclePassId());
        assertThat(vehicle.get("result")).isEqualTo("ACCEPTED");
        assertThat(vehicle.get("holder_name_korean")).isEqualTo("12가3456");
        String driverScan = (String) vehicle.get("driver_scan_id");
        assertThat(jdbc.queryForObject("SELECT result FROM crossing_log WHERE scan_id = ?", String.class, driverScan))
                .isEqualTo("ACCEPTED");
        assertThat(logOf(trip.driver().passId()).get("result")).isEqualTo("ACCEPTED");
        // the muster list counts the van apart from the people inside, and marks its row
        String roster = page("/checkpoint/roster");
        assertThat(roster).contains("id=\"roster-vehicles\"")
                .containsPattern("차량</span>\\s*<span lang=\"ko\">12가3456</span>");
    }

    @Test
    void shouldRefuseTheVehicleWithSomeoneElseAtTheWheel() throws Exception {
        CheckpointFixtures.VehicleTrip trip = fixtures.vehicleTrip("운전자", "34나5678");
        CheckpointFixtures.IssuedPass stranger = fixtures.pass("다른사람");

        String answer = cross(trip.vehicleToken(), stranger.token());

        assertThat(answer).contains("운전자의 출입증이 이 차량의 출입 신청에 지정된 운전자의 것이 아닙니다.");
        assertThat(logOf(trip.vehiclePassId()).get("reason")).isEqualTo("VEHICLE_DRIVER_MISMATCH");
        assertThat(positionOf(trip.vehiclePassId())).isEqualTo("SOUTH");
        assertThat(logOf(stranger.passId()).get("result")).isEqualTo("ACCEPTED"); // logged as usual
    }

    @Test
    void shouldRefuseARevokedVehiclePassNorthboundButLetItOutSouthbound() throws Exception {
        CheckpointFixtures.VehicleTrip trip = fixtures.vehicleTrip("운전자", "56다7890");
        CheckpointFixtures.VehicleTrip other = fixtures.vehicleTrip("운전자", "78라1234");
        cross(other.vehicleToken(), other.driver().token());
        revoke(trip.vehiclePassId());
        revoke(other.vehiclePassId());

        assertThat(cross(trip.vehicleToken(), trip.driver().token())).contains("취소된 출입증입니다.");
        assertThat(logOf(trip.vehiclePassId()).get("reason")).isEqualTo("REVOKED");
        assertThat(positionOf(trip.vehiclePassId())).isEqualTo("SOUTH");

        choose("SOUTHBOUND", session);
        cross(other.vehicleToken(), other.driver().token());
        Map<String, Object> out = logOf(other.vehiclePassId());
        assertThat(out.get("result")).isEqualTo("ACCEPTED");
        assertThat(out.get("alert")).isEqualTo("REVOKED");
        assertThat(positionOf(other.vehiclePassId())).isEqualTo("SOUTH");
    }

    @Test
    void shouldRefuseAVehiclePassAtAPersonLaneAndAPersonsPassAsTheVehicle() throws Exception {
        CheckpointFixtures.VehicleTrip trip = fixtures.vehicleTrip("운전자", "90마1234");

        String location = mvc.perform(post("/checkpoint/scan").param("scanId", UUID.randomUUID().toString())
                        .param("token", trip.vehicleToken()).cookie(session).with(signedIn(officer)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page(location)).contains("차량 출입증입니다. 차량은 차량 통로에서 운전자 출입증과 함께 스캔합니다.");

        assertThat(cross(trip.driver().token(), trip.driver().token()))
                .contains("첫 번째 코드가 차량 출입증이 아니라 개인 출입증입니다.");
        assertThat(positionOf(trip.vehiclePassId())).isEqualTo("SOUTH");
    }

    @Test
    void shouldAskForTheDriverAfterTheScannersFirstEnter() throws Exception {
        CheckpointFixtures.VehicleTrip trip = fixtures.vehicleTrip("운전자", "11바2222");
        String page = mvc.perform(post("/checkpoint/vehicle/scan").param("scanId", UUID.randomUUID().toString())
                        .param("vehicleToken", trip.vehicleToken()).cookie(session).with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("이제 운전자 출입증을 스캔하십시오.").contains(trip.vehicleToken());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class,
                trip.vehiclePassId())).isZero();
    }

    private void revoke(String passId) {
        jdbc.update("UPDATE pass SET revoked_at = ?, revocation_cause = 'OFFICER', revocation_reason = 'test', "
                + "current_vehicle_for_application = NULL WHERE pass_id = ?", LocalDateTime.now(ZoneOffset.UTC),
                passId);
    }
}
