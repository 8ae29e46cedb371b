package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@AutoConfigureMockMvc
class ScanApiTests {

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
        bearer = "Bearer " + tokens.issue("api-test-" + UUID.randomUUID(), null).token();
    }

    private ResultActions post(String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                .header("Authorization", bearer).contentType("application/json").content(json));
    }

    private static String body(String scanId, String token, String direction) {
        return "{\"scanId\":\"" + scanId + "\",\"token\":\"" + token + "\",\"direction\":\"" + direction
                + "\",\"lane\":\"3\"}";
    }

    @Test
    void shouldAcceptAValidEntryWithHolderAndPhoto() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("장에이피");
        String scanId = UUID.randomUUID().toString();
        String first = post(body(scanId, pass.token(), "ENTRY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scanId").value(scanId))
                .andExpect(jsonPath("$.decision").value("ACCEPTED"))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.message").value("유효한 출입증입니다. 사진과 본인을 대조한 뒤 출경시키십시오."))
                .andExpect(jsonPath("$.holder.name").value("장에이피"))
                .andExpect(jsonPath("$.holder.photoUrl").value("/api/v1/scans/" + scanId + "/photo"))
                .andExpect(jsonPath("$.validUntil").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        mvc.perform(get("/api/v1/scans/{id}/photo", scanId).header("Authorization", bearer))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"));

        String again = post(body(scanId, pass.token(), "ENTRY")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class,
                pass.passId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT operator_name FROM crossing_log WHERE scan_id = ?", String.class,
                scanId)).startsWith("api-test-");
    }

    @Test
    void shouldAnswerEveryReasonCodeOverHttp() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass good = fixtures.pass("문정상");
        CheckpointFixtures.IssuedPass gone = fixtures.pass("문없음");
        fixtures.forget(gone);
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("문취소");
        fixtures.withdraw(revoked);
        // Two days away, not one: a day boundary within the clock skew of now would make these pass near midnight KST.
        CheckpointFixtures.IssuedPass future = fixtures.pass("문미래", today.plusDays(2), today.plusDays(4));
        CheckpointFixtures.IssuedPass past = fixtures.pass("문과거", today.minusDays(4), today.minusDays(2));
        CheckpointFixtures.IssuedPass unapproved = fixtures.pass("문철회");
        fixtures.unapprove(unapproved);
        String[][] cases = {
            {"ㄷㅛㅓ", "ENTRY", "MALFORMED"},
            {"abc.def.ghi", "ENTRY", "MALFORMED"},
            {CheckpointFixtures.tamperedSignature(good.token()), "ENTRY", "INVALID_SIGNATURE"},
            {CheckpointFixtures.unknownKey(good.token()), "ENTRY", "UNKNOWN_KEY"},
            {gone.token(), "ENTRY", "NOT_FOUND"},
            {revoked.token(), "ENTRY", "REVOKED"},
            {future.token(), "ENTRY", "NOT_YET_VALID"},
            {past.token(), "ENTRY", "EXPIRED"},
            {unapproved.token(), "ENTRY", "APPLICATION_NOT_APPROVED"},
            {good.token(), "EXIT", "NOT_INSIDE"},
            {good.token(), "ENTRY", null},
            {good.token(), "ENTRY", "ALREADY_INSIDE"},
        };
        for (String[] c : cases) {
            ResultActions result = post(body(UUID.randomUUID().toString(), c[0], c[1])).andExpect(status().isOk());
            if (c[2] == null) {
                result.andExpect(jsonPath("$.decision").value("ACCEPTED"));
            } else {
                result.andExpect(jsonPath("$.decision").value("REJECTED")).andExpect(jsonPath("$.reason").value(c[2]));
            }
        }
    }

    @Test
    void shouldSayUnreadableForKeyboardLayoutProblemsInTheDevicesLanguage() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                        .header("Authorization", bearer).header("Accept-Language", "en")
                        .contentType("application/json").content(body(UUID.randomUUID().toString(), "EYjHBgCI", "ENTRY")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("MALFORMED"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(
                        "Unreadable: check the keyboard layout.")));
    }

    @Test
    void shouldAnswer400JsonForBrokenOrIncompleteBodies() throws Exception {
        post("{not json").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value("malformed_json"));
        post("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("malformed_json"));
        post("{\"token\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.fields").value(org.hamcrest.Matchers.containsInAnyOrder("scanId", "direction",
                        "lane")));
        post(body(UUID.randomUUID().toString(), "a.b.c", "SIDEWAYS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("direction"));
        post("{\"scanId\":\"" + UUID.randomUUID() + "\",\"token\":\"a.b.c\",\"direction\":\"ENTRY\",\"lane\":\"1\","
                + "\"scannedAt\":\"yesterday\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("scannedAt"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                        .header("Authorization", bearer).contentType("text/plain").content("x"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void shouldAnswer401WithoutAValidTokenAndRecordNothing() throws Exception {
        String scanId = UUID.randomUUID().toString();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                        .contentType("application/json").content(body(scanId, "a.b.c", "ENTRY")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
        DeviceTokens.Issued revoked = tokens.issue("revoked-" + UUID.randomUUID(), null);
        tokens.revoke(revoked.id());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                        .header("Authorization", "Bearer " + revoked.token())
                        .contentType("application/json").content(body(scanId, "a.b.c", "ENTRY")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_token"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE scan_id = ?", Integer.class, scanId))
                .isZero();
    }

    @Test
    void shouldAcceptAStaffSessionAndRecordTheOfficer() throws Exception {
        String scanId = UUID.randomUUID().toString();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans")
                        .with(Staff.as(Role.CHECKPOINT)).contentType("application/json")
                        .content(body(scanId, "abc.def.ghi", "ENTRY")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("MALFORMED"));
        assertThat(jdbc.queryForObject("SELECT officer_account_id FROM crossing_log WHERE scan_id = ?", Long.class,
                scanId)).isNotNull();
    }

    @Test
    void shouldLetAHolderInsideOutWithAnAlertWhenThePassWasRevoked() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("장경보");
        post(body(UUID.randomUUID().toString(), pass.token(), "ENTRY")).andExpect(jsonPath("$.alert").isEmpty());
        fixtures.withdraw(pass);
        post(body(UUID.randomUUID().toString(), pass.token(), "EXIT")).andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ACCEPTED"))
                .andExpect(jsonPath("$.alert").value("REVOKED"));
    }

    @Test
    void shouldRefuseAScanIdBorrowedFromAnotherDeviceWith409() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("장남의");
        String scanId = UUID.randomUUID().toString();
        post(body(scanId, pass.token(), "ENTRY")).andExpect(jsonPath("$.decision").value("ACCEPTED"));
        String other = "Bearer " + tokens.issue("api-other-" + UUID.randomUUID(), null).token();

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans").header("Authorization", other)
                        .contentType("application/json").content(body(scanId, pass.token(), "EXIT")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("SCAN_ID_CONFLICT"))
                .andExpect(jsonPath("$.holder").doesNotExist());
        mvc.perform(get("/api/v1/scans/{id}/photo", scanId).header("Authorization", other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scans/{id}/photo", scanId).with(Staff.as(Role.CHECKPOINT)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class,
                pass.passId())).isEqualTo(1);
    }

    @Test
    void shouldRefuseStaleOfflineScans() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("장오래");
        String old = java.time.Instant.now().minus(java.time.Duration.ofHours(13)).toString();
        post("{\"scanId\":\"" + UUID.randomUUID() + "\",\"token\":\"" + pass.token()
                + "\",\"direction\":\"ENTRY\",\"lane\":\"3\",\"scannedAt\":\"" + old + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("STALE_OFFLINE_SCAN"));
    }

    @Test
    void shouldKeepScansToLaneStaffAndDevices() throws Exception {
        for (Role role : java.util.List.of(Role.OFFICER, Role.ADMIN, Role.CIVILIAN)) {
            String scanId = UUID.randomUUID().toString();
            mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans").with(Staff.as(role))
                            .contentType("application/json").content(body(scanId, "abc.def.ghi", "ENTRY")))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE scan_id = ?", Integer.class,
                    scanId)).as(role.name()).isZero();
        }
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/scans").with(Staff.as(Role.SUPERVISOR))
                        .contentType("application/json").content(body(UUID.randomUUID().toString(), "abc.def.ghi",
                                "ENTRY")))
                .andExpect(status().isOk());
    }

    @Test
    void shouldServeTheOpenApiDescriptionToStaff() throws Exception {
        mvc.perform(get("/v3/api-docs").with(Staff.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/scans'].post").exists());
        mvc.perform(get("/v3/api-docs").with(Staff.as(Role.CIVILIAN))).andExpect(status().isForbidden());
    }
}
