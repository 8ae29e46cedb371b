package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.Staff;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

/** The scan station's API: its data, the upload of its queue and the conflicts it leaves for supervisors. */
@SpringBootTest(properties = "kc.route.gates=DORASAN,KAESONG")
@AutoConfigureMockMvc
class StationApiTests {

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

    @Autowired
    ScanRules rules;

    CheckpointFixtures fixtures;
    String station;

    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        station = "Bearer " + tokens.pairStation("station-" + UUID.randomUUID(), "DORASAN", "1", 1L).token();
    }

    @Test
    void shouldGiveAPairedStationTheTravellersOfTodayAndTomorrowWithSlotsPhotoAndPosition() throws Exception {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass booked = fixtures.pass("정예약");
        SlotKey north = new SlotKey(TravelDirection.NORTHBOUND, today, LocalTime.of(10, 0));
        SlotKey south = new SlotKey(TravelDirection.SOUTHBOUND, today.plusDays(1), LocalTime.of(16, 0));
        fixtures.inSlot(booked, north, true);
        fixtures.inSlot(booked, south, true);
        CheckpointFixtures.IssuedPass later = fixtures.pass("정나중", today, today.plusDays(4));
        fixtures.inSlot(later, new SlotKey(TravelDirection.NORTHBOUND, today.plusDays(2), LocalTime.of(10, 0)), true);
        CheckpointFixtures.IssuedPass unbooked = fixtures.pass("정미예약");
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("정취소");
        fixtures.inSlot(revoked, north, true);
        fixtures.withdraw(revoked);
        CheckpointFixtures.IssuedPass permit = fixtures.pass("정상시");
        jdbc.update("UPDATE pass SET application_id = NULL, current_for_application = NULL, permit_id = ? "
                + "WHERE pass_id = ?", 990_000_000L + permit.applicationId(), permit.passId());
        CheckpointFixtures.VehicleTrip van = fixtures.vehicleTrip("정운전", "12가" + (System.nanoTime() % 9000 + 1000));
        fixtures.inSlot(van.driver(), north, true);
        mvc.perform(CheckpointFixtures.scanRequest(station, booked.token(), "DORASAN", "NORTHBOUND", null))
                .andExpect(status().isOk());

        MvcResult answer = mvc.perform(get("/api/v1/station/data").header("Authorization", station))
                .andExpect(status().isOk()).andReturn();
        assertThat(answer.getResponse().getHeader("Cache-Control")).contains("no-store");
        String json = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat((String) JsonPath.read(json, "$.gate")).isEqualTo("DORASAN");
        assertThat((String) JsonPath.read(json, "$.lane")).isEqualTo("1");
        assertThat((List<String>) JsonPath.read(json, "$.routeGates")).containsExactly("DORASAN", "KAESONG");
        assertThat((String) JsonPath.read(json, "$.zoneGate")).isEqualTo("KAESONG");
        assertThat(((Number) JsonPath.read(json, "$.maxOfflineSeconds")).longValue()).isEqualTo(12 * 3600);
        assertThat(Instant.parse(JsonPath.read(json, "$.generatedAt"))).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        List<String> listed = JsonPath.read(json, "$.travellers[*].passId");
        assertThat(listed).contains(booked.passId(), van.driver().passId(), permit.passId())
                .doesNotContain(later.passId(), unbooked.passId(), revoked.passId(), van.vehiclePassId());

        Map<String, Object> traveller = traveller(json, booked.passId());
        assertThat(traveller).containsEntry("nameKorean", "정예약").containsEntry("nameLatin", "TEST HOLDER")
                .containsEntry("position", "IN_TRANSIT").containsEntry("lastGate", "DORASAN");
        assertThat((String) traveller.get("photo")).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(Instant.parse((String) traveller.get("validFrom")))
                .isEqualTo(today.atStartOfDay(OfficeTime.ZONE).toInstant());
        SlotWindow window = rules.slotWindow();
        Instant departs = today.atTime(10, 0).atZone(OfficeTime.ZONE).toInstant();
        Instant returns = today.plusDays(1).atTime(16, 0).atZone(OfficeTime.ZONE).toInstant();
        assertThat((List<Map<String, Object>>) traveller.get("slots")).containsExactly(
                Map.of("direction", "NORTHBOUND", "start", departs.minus(window.before()).toString(),
                        "end", departs.plus(window.after()).toString()),
                Map.of("direction", "SOUTHBOUND", "start", returns.minus(window.before()).toString(),
                        "end", returns.plus(window.after()).toString()));
        Map<String, Object> standing = traveller(json, permit.passId());
        assertThat((List<?>) standing.get("slots")).isEmpty();
        assertThat(standing).containsEntry("position", "OUTSIDE").containsEntry("lastGate", null);
    }

    @Test
    void shouldKeepTheStationDataFromAnyoneButAPairedStation() throws Exception {
        String legacy = CheckpointFixtures.deviceBearer(tokens, "legacy");
        mvc.perform(get("/api/v1/station/data").header("Authorization", legacy))
                .andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("\"error\":\"not_a_station\""));
        for (Role role : Role.values()) {
            mvc.perform(get("/api/v1/station/data").with(Staff.as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/station/data")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/station/data").header("Authorization", "Bearer kcd_not-a-device"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void shouldApplyAQueueInOrderOnceAndKeepEachConflictOnce() throws Exception {
        CheckpointFixtures.IssuedPass first = fixtures.pass("한순서");
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("한취소");
        fixtures.withdraw(revoked);
        Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        String in = UUID.randomUUID().toString();
        String again = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String batch = batch(
                item(in, first.token(), "NORTHBOUND", "DORASAN", at, "ACCEPTED", null),
                item(again, first.token(), "NORTHBOUND", "DORASAN", at.plusSeconds(5), "ACCEPTED", null),
                item(gone, revoked.token(), "NORTHBOUND", "DORASAN", at.plusSeconds(9), "ACCEPTED", null),
                item(UUID.randomUUID().toString(), "", "NORTHBOUND", "DORASAN", at, "ACCEPTED", null),
                item(UUID.randomUUID().toString(), first.token(), "NORTHBOUND", "DORASAN", null, "ACCEPTED", null),
                item(UUID.randomUUID().toString(), first.token(), "SIDEWAYS", "DORASAN", at, "ACCEPTED", null),
                item(UUID.randomUUID().toString(), first.token(), "NORTHBOUND", "DORASAN", at, "MAYBE", null),
                "null",
                item(in, first.token(), "NORTHBOUND", "DORASAN", at, "ACCEPTED", null));

        String json = sync(batch);
        List<Map<String, Object>> results = JsonPath.read(json, "$.results");
        assertThat(results).hasSize(9);
        assertThat(results.get(0)).containsEntry("scanId", in).containsEntry("decision", "ACCEPTED")
                .containsEntry("conflict", false).containsEntry("error", null);
        assertThat(results.get(1)).as("applied after the first: already past Dorasan")
                .containsEntry("decision", "REJECTED").containsEntry("conflict", true);
        assertThat(results.get(2)).containsEntry("decision", "REJECTED").containsEntry("reason", "REVOKED")
                .containsEntry("conflict", true);
        for (int i = 3; i < 8; i++) {
            assertThat(results.get(i)).as("item %d", i).containsEntry("error", "invalid_request")
                    .containsEntry("decision", null);
        }
        assertThat(results.get(8)).as("a repeated scan id gets its first answer").isEqualTo(results.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class,
                first.passId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT scanned_at FROM crossing_log WHERE scan_id = ?",
                java.time.LocalDateTime.class, in).toInstant(java.time.ZoneOffset.UTC)).as("the offline time is kept")
                .isEqualTo(at);

        String replay = sync(batch);
        assertThat(replay).as("the same queue synced again answers the same").isEqualTo(json);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id IN (?, ?)", Integer.class,
                first.passId(), revoked.passId())).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT scan_id FROM scan_conflict WHERE scan_id IN (?, ?, ?)", String.class,
                in, again, gone)).containsExactlyInAnyOrder(again, gone);
        assertThat(jdbc.queryForObject("SELECT offline_decision FROM scan_conflict WHERE scan_id = ?", String.class,
                gone)).isEqualTo("ACCEPTED");
    }

    @Test
    void shouldRefuseABatchThatIsNotAListOfAtMostFiveThousandScans() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= StationApiController.MAX_BATCH; i++) {
            items.add(item(UUID.randomUUID().toString(), "x", "NORTHBOUND", "DORASAN", Instant.now(), "ACCEPTED",
                    null));
        }
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log", Integer.class);
        for (String body : List.of(batch(items.toArray(String[]::new)), "{\"scans\": 5}", "{}", "[]", "{\"scans\":[")) {
            mvc.perform(post("/api/v1/scans/batch").header("Authorization", station)
                    .contentType("application/json").content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/scans/batch").header("Authorization", station).contentType("text/plain")
                .content("scans")).andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log", Integer.class)).isEqualTo(before);
        for (Role role : Role.values()) {
            mvc.perform(post("/api/v1/scans/batch").with(Staff.as(role)).contentType("application/json")
                    .content(batch())).andExpect(status().isForbidden());
        }
    }

    @Test
    void shouldListConflictsForLaneStaffUntilASupervisorAcknowledgesThem() throws Exception {
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("윤충돌");
        fixtures.withdraw(revoked);
        String scanId = UUID.randomUUID().toString();
        sync(batch(item(scanId, revoked.token(), "NORTHBOUND", "DORASAN", Instant.now().minusSeconds(60),
                "ACCEPTED", null)));
        long id = jdbc.queryForObject("SELECT id FROM scan_conflict WHERE scan_id = ?", Long.class, scanId);

        String page = mvc.perform(get("/checkpoint/conflicts").with(Staff.as(Role.SUPERVISOR)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"conflict-" + id + "\"", "윤충돌", "Pass revoked", "Accepted", "Refused",
                "/checkpoint/conflicts/" + id + "/acknowledge");
        String lane = mvc.perform(get("/checkpoint/conflicts").with(Staff.as(Role.CHECKPOINT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(lane).contains("id=\"conflict-" + id + "\"").doesNotContain("/acknowledge\"");
        for (Role role : List.of(Role.OFFICER, Role.CIVILIAN, Role.ADMIN)) {
            mvc.perform(get("/checkpoint/conflicts").with(Staff.as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/checkpoint/conflicts/{id}/acknowledge", id).with(Staff.as(Role.CHECKPOINT)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT acknowledged_at IS NULL FROM scan_conflict WHERE id = ?",
                Boolean.class, id)).isTrue();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/checkpoint/conflicts/{id}/acknowledge", id).with(Staff.as(Role.SUPERVISOR))
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?",
                Integer.class, "scan.conflict.acknowledged", String.valueOf(id))).isEqualTo(1);
        assertThat(mvc.perform(get("/checkpoint/conflicts").with(Staff.as(Role.SUPERVISOR))).andReturn()
                .getResponse().getContentAsString()).doesNotContain("id=\"conflict-" + id + "\"");
    }

    private String sync(String batch) throws Exception {
        return mvc.perform(post("/api/v1/scans/batch").header("Authorization", station)
                .contentType("application/json").content(batch)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> traveller(String json, String passId) {
        List<Map<String, Object>> found = JsonPath.read(json, "$.travellers[?(@.passId == '" + passId + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static String batch(String... items) {
        return "{\"scans\":[" + String.join(",", items) + "]}";
    }

    static String item(String scanId, String token, String direction, String gate, Instant scannedAt,
            String offlineDecision, String offlineReason) {
        return "{\"scanId\":\"" + scanId + "\",\"token\":\"" + token + "\",\"direction\":\"" + direction
                + "\",\"gate\":\"" + gate + "\",\"lane\":\"1\""
                + (scannedAt == null ? "" : ",\"scannedAt\":\"" + scannedAt + "\"")
                + ",\"offlineDecision\":\"" + offlineDecision + "\",\"offlineReason\":"
                + (offlineReason == null ? "null" : "\"" + offlineReason + "\"") + "}";
    }
}
