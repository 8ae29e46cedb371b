package kr.kaesongcrossing.checkpoint.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The route mode end to end: set on its page, judged at the lanes, shown to staff and applicants, mailed through a
 * real SMTP server (GreenMail). The mode is global: every test leaves the route open again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RouteModeTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

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
    @Autowired
    DeviceTokens tokens;

    CheckpointFixtures fixtures;
    String bearer;
    AccountPrincipal supervisor;

    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        bearer = CheckpointFixtures.deviceBearer(tokens, "route-test");
        supervisor = accounts.create(Role.SUPERVISOR);
    }

    @AfterEach
    void reopen() {
        jdbc.update("DELETE FROM route_mode_change");
    }

    @Test
    void shouldRefuseTheNextNorthboundScanOnceASupervisorSetsReturnsOnlyAndStillLetPeopleOut() throws Exception {
        CheckpointFixtures.IssuedPass inside = fixtures.pass("길안쪽");
        CheckpointFixtures.IssuedPass outside = fixtures.pass("길바깥");
        scan(inside, "ENTRY", null).andExpect(jsonPath("$.decision").value("ACCEPTED"));

        change("SOUTHBOUND_ONLY", "북측 통보: 입경만 허용", "")
                .andExpect(redirectedUrl("/checkpoint/route"))
                .andExpect(flash().attribute("message", "checkpoint.route.changed"));

        scan(outside, "ENTRY", null)
                .andExpect(jsonPath("$.decision").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("ROUTE_CLOSED"))
                .andExpect(jsonPath("$.message").value(containsString("출경이 허용되지 않습니다")));
        scan(inside, "EXIT", null)
                .andExpect(jsonPath("$.decision").value("ACCEPTED"))
                .andExpect(jsonPath("$.alert").doesNotExist());

        mvc.perform(get("/checkpoint/roster").with(signedIn(accounts.create(Role.OFFICER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("현재 통행 상태: 입경만 허용(출경 중지)")))
                .andExpect(content().string(containsString("사유: 북측 통보: 입경만 허용")));
        mvc.perform(get("/checkpoint/route").with(signedIn(accounts.create(Role.CHECKPOINT))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("북측 통보: 입경만 허용")))
                .andExpect(content().string(containsString(supervisor.displayName())));
    }

    @Test
    void shouldLetSomeoneInsideOutWithAnAlertWhileClosed() throws Exception {
        CheckpointFixtures.IssuedPass inside = fixtures.pass("길차단");
        scan(inside, "ENTRY", null).andExpect(jsonPath("$.decision").value("ACCEPTED"));
        change("CLOSED", "통신선 단절", "").andExpect(redirectedUrl("/checkpoint/route"));

        scan(inside, "EXIT", null)
                .andExpect(jsonPath("$.decision").value("ACCEPTED"))
                .andExpect(jsonPath("$.alert").value("ROUTE_CLOSED"));
        scan(inside, "ENTRY", null).andExpect(jsonPath("$.reason").value("ROUTE_CLOSED"));
    }

    @Test
    void shouldJudgeEachScanByTheModeInForceWhenItWasMade() throws Exception {
        CheckpointFixtures.IssuedPass early = fixtures.pass("길예정");
        LocalDate today = OfficeTime.today(Clock.systemUTC());
        CheckpointFixtures.IssuedPass offline = fixtures.pass("길오프", today.minusDays(1), today.plusDays(1));
        change("CLOSED", "내일 오전 통행 차단", kst(Instant.now().plus(Duration.ofHours(2))))
                .andExpect(redirectedUrl("/checkpoint/route"));

        scan(early, "ENTRY", null).andExpect(jsonPath("$.decision").value("ACCEPTED"));
        mvc.perform(get("/checkpoint/log").with(signedIn(accounts.create(Role.OFFICER))))
                .andExpect(content().string(containsString("(한국 시간)부터: 통행 차단(구역 안의 인원은 입경 허용)")));

        jdbc.update("DELETE FROM route_mode_change");
        change("SOUTHBOUND_ONLY", "지금부터 입경만", "").andExpect(redirectedUrl("/checkpoint/route"));
        scan(offline, "ENTRY", Instant.now().minus(Duration.ofMinutes(30)))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.decision").value("ACCEPTED"));
    }

    @Test
    void shouldLetOnlySupervisorsAndAdministratorsChangeTheMode() throws Exception {
        mvc.perform(post("/checkpoint/route").param("mode", "CLOSED").param("reason", "시험")
                        .with(signedIn(accounts.create(Role.CHECKPOINT))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/checkpoint/route").param("mode", "CLOSED").param("reason", "시험")
                        .with(signedIn(accounts.create(Role.OFFICER))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/checkpoint/route").with(signedIn(accounts.create(Role.CIVILIAN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/checkpoint/route").with(signedIn(accounts.create(Role.CHECKPOINT))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("검문소 책임자 또는 관리자만")))
                .andExpect(content().string(not(containsString("name=\"reason\""))));
        assertThat(changes()).isZero();

        mvc.perform(post("/checkpoint/route").param("mode", "OPEN").param("reason", "재개")
                        .with(signedIn(accounts.create(Role.ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/checkpoint/route"));
        assertThat(changes()).isOne();
    }

    @Test
    void shouldRefuseBadInputWithAClearMessageAndChangeNothing() throws Exception {
        change("CLOSED", "  ", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("필수 입력 항목입니다")));
        change("CLOSED", "가".repeat(501), "").andExpect(status().isOk())
                .andExpect(content().string(containsString("500자 이내로 입력하십시오")));
        change("CLOSED", "사유", "내일 아침").andExpect(status().isOk())
                .andExpect(content().string(containsString("올바른 형식이 아닙니다")));
        change("SIDEWAYS", "사유", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("올바른 형식이 아닙니다")));
        change("CLOSED", "사유", kst(Instant.now().minus(Duration.ofHours(1))))
                .andExpect(redirectedUrl("/checkpoint/route"))
                .andExpect(flash().attribute("problem", containsString("이미 지났습니다")));
        assertThat(changes()).isZero();
    }

    @Test
    void shouldCancelAChangeBeforeItBegins() throws Exception {
        change("CLOSED", "예정 차단", kst(Instant.now().plus(Duration.ofDays(1)))).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT MAX(id) FROM route_mode_change", Long.class);

        mvc.perform(post("/checkpoint/route/" + id + "/cancel").with(signedIn(supervisor)).with(csrf()))
                .andExpect(flash().attribute("message", "checkpoint.route.cancelled"));
        mvc.perform(post("/checkpoint/route/" + id + "/cancel").with(signedIn(supervisor)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("취소할 수 없습니다")));
        mvc.perform(get("/checkpoint/roster").with(signedIn(supervisor)))
                .andExpect(content().string(not(containsString("class=\"route-banner\""))));
    }

    @Test
    void shouldTellApplicantsWhoseTripsTheChangeMeetsOnTheirPagesAndByMail() throws Exception {
        LocalDate today = OfficeTime.today(Clock.systemUTC());
        CheckpointFixtures.IssuedPass affected = fixtures.pass("길영향", today.plusDays(6), today.plusDays(8));
        CheckpointFixtures.IssuedPass before = fixtures.pass("길이전", today.plusDays(2), today.plusDays(4));
        String from = today.plusDays(5) + "T09:00";

        change("SOUTHBOUND_ONLY", "북측의 출경 중지 통보", from).andExpect(redirectedUrl("/checkpoint/route"));

        mvc.perform(get("/applications").with(signedIn(affected.holder())))
                .andExpect(content().string(containsString("통행: 입경만 허용(출경 중지)")));
        mvc.perform(get("/applications/" + affected.applicationId()).with(signedIn(affected.holder())))
                .andExpect(content().string(containsString(today.plusDays(5) + " 09:00(한국 시간)부터 통행 상태가 입경만 허용")));
        mvc.perform(get("/applications/" + before.applicationId()).with(signedIn(before.holder())))
                .andExpect(content().string(not(containsString("통행 상태가"))));

        // The change mails every applicant with a trip from then on, one after another: on a database kept from
        // earlier runs (not CI's fresh one) that is hundreds of mails before this one. The wait ends at the mail.
        await().atMost(Duration.ofSeconds(90)).until(() -> !mailsTo(affected.holder()).isEmpty());
        MimeMessage mail = mailsTo(affected.holder()).get(0);
        String reference = jdbc.queryForObject("SELECT reference FROM travel_application WHERE id = ?", String.class,
                affected.applicationId());
        assertThat(mail.getSubject()).isEqualTo("[개성 남북 출입 관리] 방문 " + reference + "의 통행 상태가 바뀝니다");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .contains(today.plusDays(5) + " 09:00(한국 시간)부터 개성 통행 상태가 입경만 허용(출경 중지)입니다.")
                .contains("사유: 북측의 출경 중지 통보")
                .contains("/applications/" + affected.applicationId());
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?", Long.class,
                "%북측의 출경 중지 통보%") == 0);
        assertThat(mailsTo(before.holder())).isEmpty();
    }

    private ResultActions change(String mode, String reason, String startsAt) throws Exception {
        return mvc.perform(post("/checkpoint/route").param("mode", mode).param("reason", reason)
                .param("startsAt", startsAt).with(signedIn(supervisor)).with(csrf()));
    }

    private ResultActions scan(CheckpointFixtures.IssuedPass pass, String direction, Instant scannedAt)
            throws Exception {
        return mvc.perform(CheckpointFixtures.scanRequest(bearer, pass.token(), null, direction, scannedAt))
                .andExpect(status().isOk());
    }

    private long changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM route_mode_change", Long.class);
    }

    private static String kst(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(OfficeTime.ZONE).format(instant);
    }

    private static List<MimeMessage> mailsTo(AccountPrincipal account) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(account.email());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
