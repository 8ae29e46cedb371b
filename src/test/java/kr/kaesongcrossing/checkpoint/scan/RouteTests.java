package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

/** The demo route, Dorasan's CIQ then the zone gate, through the scanner API, the roster and the log. */
@SpringBootTest(properties = "kc.route.gates=DORASAN,KAESONG")
@AutoConfigureMockMvc
class RouteTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceTokens tokens;

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
        bearer = CheckpointFixtures.deviceBearer(tokens, "route-test");
    }

    private ResultActions scan(String token, String gate, String direction) throws Exception {
        return mvc.perform(CheckpointFixtures.scanRequest(bearer, token, gate, direction, null));
    }

    private String decision(String token, String gate, String direction) throws Exception {
        return CheckpointFixtures.outcome(scan(token, gate, direction).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String position(CheckpointFixtures.IssuedPass pass) {
        return jdbc.queryForObject("SELECT position FROM pass_presence WHERE pass_id = ?", String.class,
                pass.passId());
    }

    private boolean onTrip(CheckpointFixtures.IssuedPass pass) {
        return jdbc.queryForObject("SELECT inside FROM trip_presence WHERE application_id = ?", Boolean.class,
                pass.applicationId());
    }

    private String page(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(Staff.as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCrossNorthboundThroughDorasanThenTheZoneGateAndBackSouth() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("도라산" + UUID.randomUUID().toString().substring(0, 4));

        assertThat(decision(pass.token(), "KAESONG", "NORTHBOUND")).isEqualTo("WRONG_GATE_ORDER");
        assertThat(decision(pass.token(), null, "ENTRY")).as("ENTRY is northbound at the zone gate")
                .isEqualTo("WRONG_GATE_ORDER");

        assertThat(decision(pass.token(), "DORASAN", "NORTHBOUND")).isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("IN_TRANSIT");
        assertThat(onTrip(pass)).as("in transit is on the trip: not withdrawable").isTrue();
        assertThat(decision(pass.token(), "DORASAN", "NORTHBOUND")).isEqualTo("ALREADY_INSIDE");

        assertThat(decision(pass.token(), "KAESONG", "NORTHBOUND")).isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("INSIDE");

        assertThat(decision(pass.token(), null, "EXIT")).as("EXIT is southbound at the zone gate")
                .isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("IN_TRANSIT");
        assertThat(onTrip(pass)).isTrue();

        assertThat(decision(pass.token(), "DORASAN", "SOUTHBOUND")).isEqualTo("ACCEPTED");
        assertThat(position(pass)).isEqualTo("SOUTH");
        assertThat(onTrip(pass)).isFalse();
        assertThat(decision(pass.token(), "DORASAN", "SOUTHBOUND")).isEqualTo("NOT_INSIDE");

        assertThat(jdbc.queryForList("SELECT CONCAT(gate, ' ', direction, ' ', visit_no, ' ', crossing_no) "
                + "FROM crossing_log WHERE pass_id = ? AND result = 'ACCEPTED' ORDER BY id", String.class,
                pass.passId())).containsExactly("DORASAN NORTHBOUND 1 1", "KAESONG NORTHBOUND 1 2",
                "KAESONG SOUTHBOUND 1 3", "DORASAN SOUTHBOUND 1 4");

        String log = page("/checkpoint/log?gate=DORASAN&name=" + pass.nameKorean(), Role.OFFICER);
        assertThat(log.split(">도라산 CIQ</span>", -1)).as("Dorasan's four rows").hasSize(5);
        assertThat(log).doesNotContain(">구역 출입문</span>");
        String csv = page("/checkpoint/log/export.csv?name=" + pass.nameKorean(), Role.OFFICER);
        assertThat(csv).contains("\"출입 지점\"", "\"개성 연락사무소 구역 출입문\"", "\"도라산 남북출입사무소 (CIQ)\"");
    }

    @Test
    void shouldRefuseOlderDirectionWordsAwayFromTheZoneGateAndGatesOffTheRoute() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("별칭시험");
        scan(pass.token(), "DORASAN", "ENTRY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("direction"));
        scan(pass.token(), "PANMUNJOM", "NORTHBOUND").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("gate"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class,
                pass.passId())).isZero();
    }

    @Test
    void shouldLetSomeoneInsideOutAtDorasanWithAnAlertWhenTheZoneGateMissedThem() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("누락시험");
        decision(pass.token(), "DORASAN", "NORTHBOUND");
        decision(pass.token(), "KAESONG", "NORTHBOUND");
        assertThat(decision(pass.token(), "DORASAN", "SOUTHBOUND")).isEqualTo("ALERT WRONG_GATE_ORDER");
        assertThat(position(pass)).isEqualTo("SOUTH");
    }

    @Test
    void shouldFlagSomeoneInTransitTooLongOnTheRosterAndTheStaffHomePages() throws Exception {
        String family = "이동" + UUID.randomUUID().toString().substring(0, 6);
        CheckpointFixtures.IssuedPass late = fixtures.pass(family + "지연");
        CheckpointFixtures.IssuedPass onTime = fixtures.pass(family + "정상");
        decision(late.token(), "DORASAN", "NORTHBOUND");
        decision(onTime.token(), "DORASAN", "NORTHBOUND");
        // crossed Dorasan an hour ago (kc.gates.transit-alert is 45 minutes)
        jdbc.update("UPDATE pass_presence SET since = ? WHERE pass_id = ?",
                LocalDateTime.ofInstant(Instant.now().minus(61, ChronoUnit.MINUTES), ZoneOffset.UTC), late.passId());
        try {
            String roster = page("/checkpoint/roster", Role.CHECKPOINT);
            assertThat(roster).contains("id=\"roster-transit\"", "마지막 통과 후 61분",
                    "이동 중(비무장지대), 마지막 통과: 도라산 CIQ 출경");
            assertThat(roster.indexOf(family + "지연")).as("flagged first").isLessThan(roster.indexOf(family + "정상"));
            assertThat(roster.substring(roster.indexOf(family + "지연"), roster.indexOf(family + "정상")))
                    .contains("이동 시간 초과");

            for (Role staff : new Role[] {Role.CHECKPOINT, Role.SUPERVISOR, Role.OFFICER, Role.ADMIN}) {
                assertThat(page("/", staff)).as(staff.name()).contains("id=\"home-transit\"");
            }
        } finally {
            decision(late.token(), "DORASAN", "SOUTHBOUND");
            decision(onTime.token(), "DORASAN", "SOUTHBOUND");
        }
        assertThat(page("/", Role.CHECKPOINT)).doesNotContain("id=\"home-transit\"");
    }
}
