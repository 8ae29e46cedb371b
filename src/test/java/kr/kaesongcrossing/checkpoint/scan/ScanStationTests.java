package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.AuthenticatorApp;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.audit.AuditRows;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@AutoConfigureMockMvc
class ScanStationTests {

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
    /** The Spring Session cookie: the station's lane and direction live in the (database-backed) session. */
    Cookie session;

    @BeforeEach
    void station() throws Exception {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        officer = accounts.create(Role.CHECKPOINT);
        var response = mvc.perform(post("/checkpoint/station").param("gate", "KAESONG").param("lane", "2").param("direction", "NORTHBOUND")
                .with(signedIn(officer)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        // Spring Session's cookie (SESSION under MockMvc, KCSESSION in the running app)
        session = java.util.Arrays.stream(response.getCookies()).filter(c -> c.getName().endsWith("SESSION"))
                .findFirst().orElseThrow();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).cookie(session).with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String scan(String input) throws Exception {
        String location = mvc.perform(post("/checkpoint/scan").param("scanId", UUID.randomUUID().toString())
                        .param("token", input).cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return page(location);
    }

    @Test
    void shouldAskForLaneAndDirectionFirst() throws Exception {
        String setup = mvc.perform(get("/checkpoint").with(signedIn(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(setup).contains("통로 설정", "출경(북행, 개성 사무소 구역 방향)", "개성 연락사무소 구역 출입문");
        assertThat(page("/checkpoint")).contains("개성 연락사무소 구역 출입문 · 통로 2 · 출경(북행, 개성 사무소 구역 방향)", "출입증 스캔", "autofocus");
    }

    @Test
    void shouldAskAgainForADirectionThatIsNotOneAndKeepTheStation() throws Exception {
        String again = mvc.perform(post("/checkpoint/station").param("lane", "9").param("direction", "SIDEWAYS")
                        .cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("출입 지점을 고르고 통로를 입력한 뒤 방향을 선택하십시오.", "value=\"9\"");
        assertThat(page("/checkpoint")).contains("개성 연락사무소 구역 출입문 · 통로 2 · 출경(북행, 개성 사무소 구역 방향)");
    }

    @Test
    void shouldShowAGreenAcceptanceWithHolderAndAFreshFocusedField() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("배스캔");
        String html = scan("  " + pass.token() + "\n");
        assertThat(html).contains("kc-result accepted", "출경 허가", "✓", "배스캔", "/photo", "data-sound=\"accept\"");
        assertThat(html).contains("id=\"token\"").contains("autofocus");
        // valid through the last day, shown as on the pass: 23:59, not midnight of the next day
        assertThat(html).contains(java.time.LocalDate.now(OfficeTime.ZONE).plusDays(2) + " 23:59");
        assertThat(jdbc.queryForObject("SELECT lane FROM crossing_log WHERE pass_id = ?", String.class,
                pass.passId())).isEqualTo("2");
    }

    @Test
    void shouldSayUnreadableForHangulInputAndRefuseWithAdvice() throws Exception {
        String html = scan("됴ㅓ홰챠ㅐㅑ러");
        assertThat(html).contains("kc-result rejected", "통과 거부", "✕", "키보드 입력 설정을 확인하십시오",
                "영문 입력으로 바꾸고");
        assertThat(html).doesNotContain("위조");
    }

    @Test
    void shouldLetASupervisorOverrideARefusalWithAReason() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("노예외");
        scan(pass.token());
        String refused = scan(pass.token());
        assertThat(refused).contains("이미 출경하여 이 출입 지점을 지난 것으로", "책임자 예외 허가");
        String scanId = jdbc.queryForObject("SELECT scan_id FROM crossing_log WHERE pass_id = ? AND reason = "
                + "'ALREADY_INSIDE'", String.class, pass.passId());

        AccountPrincipal supervisor = accounts.create(Role.SUPERVISOR);
        mvc.perform(override(scanId, " ", supervisor.email(), TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideError"))
                        .isEqualTo("checkpoint.override.reason.required"));
        // the lane officer's own password is not a supervisor's, nor is a wrong one
        mvc.perform(override(scanId, "입경 누락 확인", officer.email(), TestAccounts.PASSWORD))
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideError"))
                        .isEqualTo("checkpoint.override.notSupervisor"))
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideReason"))
                        .as("the reason is kept for the next try").isEqualTo("입경 누락 확인"));
        mvc.perform(override(scanId, "입경 누락 확인", supervisor.email(), "not the password"))
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideError"))
                        .isEqualTo("checkpoint.override.notSupervisor"));
        // the supervisor's password without a current code of their authenticator app
        mvc.perform(post("/checkpoint/scans/{id}/override", scanId).param("reason", "입경 누락 확인")
                        .param("supervisorEmail", supervisor.email()).param("supervisorPassword", TestAccounts.PASSWORD)
                        .param("supervisorCode", "12345x").cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideError"))
                        .isEqualTo("checkpoint.override.notSupervisor"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE is_override = TRUE AND pass_id = ?",
                Integer.class, pass.passId())).isZero();

        String location = mvc.perform(override(scanId, "입경 누락 확인", supervisor.email(), TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(location)).contains("출경 허가", "책임자 예외 허가로 통과: 입경 누락 확인",
                "허가한 책임자: " + supervisor.displayName());
        assertThat(jdbc.queryForMap("SELECT operator_name, supervisor_account_id FROM crossing_log WHERE "
                + "is_override = TRUE AND pass_id = ?", pass.passId()))
                .containsEntry("operator_name", officer.displayName())
                .containsEntry("supervisor_account_id", supervisor.id());
        assertThat(AuditRows.about(jdbc, "pass", pass.passId())).filteredOn(row -> row.action().equals("scan.override"))
                .singleElement().satisfies(row -> {
                    assertThat(row.actorId()).isEqualTo(String.valueOf(officer.id()));
                    assertThat(row.actorRole()).isEqualTo(officer.role().name());
                    assertThat(row.detail()).contains("refusedScan=" + scanId, "supervisor=" + supervisor.id());
                });
    }

    @Test
    void shouldNotLetTheApplicantWithdrawATripWhileTheLogShowsThemInside() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("노체류");
        assertThat(scan(pass.token())).contains("kc-result accepted");
        mvc.perform(post("/applications/{id}/withdraw", pass.applicationId()).param("reason", "일정 변경")
                        .with(signedIn(pass.holder())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat((String) result.getFlashMap().get("problem"))
                        .contains("개성 구역 안이나 이동 중(비무장지대)인 것으로 기록되어"));
        assertThat(jdbc.queryForObject("SELECT status FROM travel_application WHERE id = ?", String.class,
                pass.applicationId())).isEqualTo("APPROVED_FOR_TRAVEL");
    }

    @Test
    void shouldOfferNoOverrideForARevokedPassNorthbound() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("노취소");
        fixtures.withdraw(pass);
        String refused = scan(pass.token());
        assertThat(refused).contains("kc-result rejected").doesNotContain("supervisorPassword");
        String scanId = jdbc.queryForObject("SELECT scan_id FROM crossing_log WHERE pass_id = ?", String.class,
                pass.passId());
        AccountPrincipal supervisor = accounts.create(Role.SUPERVISOR);
        mvc.perform(override(scanId, "들여보내 주세요", supervisor.email(), TestAccounts.PASSWORD))
                .andExpect(result -> assertThat(result.getFlashMap().get("overrideError"))
                        .isEqualTo("checkpoint.override.impossible"));
    }

    private org.springframework.test.web.servlet.RequestBuilder override(String scanId, String reason, String email,
            String password) {
        return post("/checkpoint/scans/{id}/override", scanId).param("reason", reason)
                .param("supervisorEmail", email).param("supervisorPassword", password)
                .param("supervisorCode", AuthenticatorApp.nextCode("mockmvc", email))
                .cookie(session).with(signedIn(officer)).with(csrf());
    }

    @Test
    void shouldReadAPhotoOfThePass() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("홍사진");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(pass.token(), BarcodeFormat.QR_CODE, 900, 900),
                "PNG", png);
        String location = mvc.perform(multipart("/checkpoint/photo")
                        .file(new MockMultipartFile("photo", "pass.png", "image/png", png.toByteArray()))
                        .param("scanId", UUID.randomUUID().toString()).cookie(session).with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(location)).contains("출경 허가", "홍사진");

        mvc.perform(multipart("/checkpoint/photo")
                        .file(new MockMultipartFile("photo", "blank.jpg", "image/jpeg", TestImages.portraitJpeg()))
                        .param("scanId", UUID.randomUUID().toString()).cookie(session).with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(result -> assertThat(result.getModelAndView().getModel().get("photoError"))
                        .isEqualTo("checkpoint.photo.NO_CODE"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("QR 코드를 찾지 못했습니다"));
    }

    @Test
    void shouldRefuseAHugeOrForeignPhotoQuicklyAndSayWhy() throws Exception {
        byte[] tiff = TestImages.asRgb(TestImages.qr(fixtures.pass("티프").token(), 600), "tiff");

        // 3.6 billion pixels declared in 60 bytes: refused from the header, before a raster is allocated
        assertTimeout(Duration.ofSeconds(10), () -> assertThat(photoError("bomb.png", "image/png",
                TestImages.pngClaiming(60_000, 60_000), 413)).isEqualTo("checkpoint.photo.TOO_LARGE"));
        // a readable QR code, but in a format the station does not parse, whatever the client calls it
        assertTimeout(Duration.ofSeconds(10), () -> assertThat(photoError("pass.jpg", "image/jpeg",
                tiff, 415)).isEqualTo("checkpoint.photo.NOT_AN_IMAGE"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE officer_account_id = ?", Integer.class,
                officer.id())).isZero();
    }

    private Object photoError(String name, String type, byte[] content, int status) throws Exception {
        return mvc.perform(multipart("/checkpoint/photo").file(new MockMultipartFile("photo", name, type, content))
                        .param("scanId", UUID.randomUUID().toString()).cookie(session).with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is(status)).andReturn().getModelAndView().getModel().get("photoError");
    }

    @Test
    void shouldKeepTheStationForCheckpointStaff() throws Exception {
        mvc.perform(get("/checkpoint").with(Staff.as(Role.OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/checkpoint/camera").with(Staff.as(Role.ADMIN))).andExpect(status().isForbidden());
        assertThat(page("/checkpoint/camera")).contains("/vendor/jsqr/jsQR", "/js/camera-scan",
                "HTTPS", "data-gate=\"KAESONG\"", "data-direction=\"NORTHBOUND\"");
    }
}
