package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class ScanServiceTests {

    static final ScanRequest.Operator DEVICE = ScanRequest.Operator.device(1, "test-lane");

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

    @BeforeEach
    void fixtures() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
    }

    static ScanAnswer scan(ScanService service, String token, Direction direction) {
        return service.scan(new ScanRequest(UUID.randomUUID().toString(), token, Gate.KAESONG, direction, "1", null,
                DEVICE));
    }

    private ScanAnswer scan(String token, Direction direction) {
        return scan(scans, token, direction);
    }

    private boolean tripInside(CheckpointFixtures.IssuedPass pass) {
        return jdbc.queryForObject("SELECT inside FROM trip_presence WHERE application_id = ?", Boolean.class,
                pass.applicationId());
    }

    private int logRows(String passId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ?", Integer.class, passId);
    }

    @Test
    void shouldAcceptEntryThenExitAndRecordBoth() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("김출경");
        ScanAnswer entry = scan(pass.token(), Direction.NORTHBOUND);
        assertThat(entry.accepted()).isTrue();
        assertThat(entry.holderNameKorean()).isEqualTo("김출경");
        assertThat(entry.validUntil()).isAfter(Instant.now());
        assertThat(tripInside(pass)).as("the application module knows the traveller is inside").isTrue();
        assertThat(scan(pass.token(), Direction.SOUTHBOUND).accepted()).isTrue();
        assertThat(tripInside(pass)).isFalse();
        assertThat(scan(pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
        assertThat(jdbc.queryForList("SELECT visit_no FROM crossing_log WHERE pass_id = ? ORDER BY id", Integer.class,
                pass.passId())).containsExactly(1, 1, 2);
    }

    @Test
    void shouldRefuseForEveryReasonAndLogEachRefusal() {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass good = fixtures.pass("이정상");
        assertThat(scan("됴ㅓ홰챠ㅐㅑ러ㅐ쟈ㅐ.ㅁㅠㅊ", Direction.NORTHBOUND).messageKey())
                .isEqualTo("checkpoint.reason.UNREADABLE");
        assertThat(scan("abc.def.ghi", Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.MALFORMED);
        assertThat(scan(CheckpointFixtures.tamperedSignature(good.token()), Direction.NORTHBOUND).reason())
                .isEqualTo(ScanReason.INVALID_SIGNATURE);
        assertThat(scan(CheckpointFixtures.unknownKey(good.token()), Direction.NORTHBOUND).reason())
                .isEqualTo(ScanReason.UNKNOWN_KEY);

        CheckpointFixtures.IssuedPass forgotten = fixtures.pass("박없음");
        fixtures.forget(forgotten);
        assertThat(scan(forgotten.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.NOT_FOUND);

        CheckpointFixtures.IssuedPass revoked = fixtures.pass("최취소");
        fixtures.withdraw(revoked);
        assertThat(scan(revoked.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.REVOKED);

        CheckpointFixtures.IssuedPass future = fixtures.pass("정미래", today.plusDays(2), today.plusDays(4));
        assertThat(scan(future.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.NOT_YET_VALID);

        CheckpointFixtures.IssuedPass past = fixtures.pass("강과거", today.minusDays(5), today.minusDays(2));
        assertThat(scan(past.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.EXPIRED);

        CheckpointFixtures.IssuedPass unapproved = fixtures.pass("조철회");
        fixtures.unapprove(unapproved);
        assertThat(scan(unapproved.token(), Direction.NORTHBOUND).reason())
                .isEqualTo(ScanReason.APPLICATION_NOT_APPROVED);

        assertThat(scan(good.token(), Direction.SOUTHBOUND).reason()).isEqualTo(ScanReason.NOT_INSIDE);
        assertThat(scan(good.token(), Direction.NORTHBOUND).accepted()).isTrue();
        assertThat(scan(good.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.ALREADY_INSIDE);

        assertThat(jdbc.queryForList("SELECT reason FROM crossing_log WHERE pass_id = ? ORDER BY id", String.class,
                good.passId())).containsExactly("NOT_INSIDE", null, "ALREADY_INSIDE");
        assertThat(logRows(revoked.passId())).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheSameScanIdOnceAndRecordItOnce() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("윤중복");
        ScanRequest request = new ScanRequest(UUID.randomUUID().toString(), pass.token(), Gate.KAESONG,
                Direction.NORTHBOUND, "1",
                null, DEVICE);
        ScanAnswer first = scans.scan(request);
        ScanAnswer again = scans.scan(request);
        assertThat(first.accepted()).isTrue();
        assertThat(again).isEqualTo(first);
        assertThat(logRows(pass.passId())).isEqualTo(1);

        // a refusal that locks no pass is kept once by the scan id's unique key
        String scanId = UUID.randomUUID().toString();
        ScanRequest forged = new ScanRequest(scanId, pass.token() + "x", Gate.KAESONG,
                Direction.NORTHBOUND, "1", null, DEVICE);
        ScanAnswer refused = scans.scan(forged);
        assertThat(scans.scan(forged)).isEqualTo(refused);
        assertThat(refused.accepted()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from crossing_log where scan_id = ?", Integer.class, scanId))
                .isEqualTo(1);
    }

    @Test
    void shouldRecordTheOfflineScanTimeAndJudgeValidityAtIt() {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass pass = fixtures.pass("한오프", today.minusDays(1), today.plusDays(1));
        Instant offline = Instant.now().minusSeconds(3 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ScanAnswer answer = scans.scan(new ScanRequest(UUID.randomUUID().toString(), pass.token(), Gate.KAESONG,
                Direction.NORTHBOUND,
                "2", offline, DEVICE));
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.scannedAt()).isEqualTo(offline);
        LocalDateTime recorded = jdbc.queryForObject("SELECT recorded_at FROM crossing_log WHERE scan_id = ?",
                LocalDateTime.class, answer.scanId());
        assertThat(recorded.toInstant(ZoneOffset.UTC)).isAfter(offline.plusSeconds(3 * 3600 - 60));
    }

    @Test
    void shouldRefuseAnOfflineScanOlderThanTheWindowEvenIntoAPassValidityThen() {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass ended = fixtures.pass("한지남", today.minusDays(3), today.minusDays(1));
        Instant backdated = today.minusDays(2).atTime(10, 0).atZone(OfficeTime.ZONE).toInstant();
        ScanAnswer answer = scans.scan(new ScanRequest(UUID.randomUUID().toString(), ended.token(), Gate.KAESONG,
                Direction.NORTHBOUND,
                "2", backdated, DEVICE));
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.reason()).isEqualTo(ScanReason.STALE_OFFLINE_SCAN);
        assertThat(answer.overridable()).isFalse();
        assertThat(jdbc.queryForObject("SELECT reason FROM crossing_log WHERE scan_id = ?", String.class,
                answer.scanId())).isEqualTo("STALE_OFFLINE_SCAN");
    }

    @Test
    void shouldRecordAStaleSouthboundScanOfSomeoneInsideWithAnAlert() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("문늦음");
        assertThat(scan(pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
        Instant longAgo = Instant.now().minusSeconds(13 * 3600);
        ScanAnswer exit = scans.scan(new ScanRequest(UUID.randomUUID().toString(), pass.token(), Gate.KAESONG,
                Direction.SOUTHBOUND,
                "2", longAgo, DEVICE));
        assertThat(exit.accepted()).isTrue();
        assertThat(exit.alert()).isEqualTo(ScanReason.STALE_OFFLINE_SCAN);
        assertThat(jdbc.queryForObject("SELECT position FROM pass_presence WHERE pass_id = ?", String.class,
                pass.passId())).isEqualTo("SOUTH");
    }

    @Test
    void shouldLetAHolderInsideOutWhateverThePassStateWithTheAlert() {
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("임취소");
        CheckpointFixtures.IssuedPass expired = fixtures.pass("임만료");
        CheckpointFixtures.IssuedPass unapproved = fixtures.pass("임철회");
        CheckpointFixtures.IssuedPass fine = fixtures.pass("임정상");
        for (CheckpointFixtures.IssuedPass pass : List.of(revoked, expired, unapproved, fine)) {
            assertThat(scan(pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
        }
        fixtures.withdraw(revoked);
        fixtures.expire(expired);
        fixtures.unapprove(unapproved);
        assertThat(jdbc.queryForObject("SELECT revoked FROM pass_presence WHERE pass_id = ?", Boolean.class,
                revoked.passId())).as("the roster learns of the revocation").isTrue();

        // still refused northbound, and a forged token never gets out
        assertThat(scan(CheckpointFixtures.tamperedSignature(revoked.token()), Direction.SOUTHBOUND).reason())
                .isEqualTo(ScanReason.INVALID_SIGNATURE);
        ScanAnswer out = scan(revoked.token(), Direction.SOUTHBOUND);
        assertThat(out.accepted()).isTrue();
        assertThat(out.alert()).isEqualTo(ScanReason.REVOKED);
        assertThat(out.alertKey()).isEqualTo("checkpoint.alert.REVOKED");
        assertThat(scan(expired.token(), Direction.SOUTHBOUND).alert()).isEqualTo(ScanReason.EXPIRED);
        assertThat(scan(unapproved.token(), Direction.SOUTHBOUND).alert()).isEqualTo(ScanReason.APPLICATION_NOT_APPROVED);
        ScanAnswer normal = scan(fine.token(), Direction.SOUTHBOUND);
        assertThat(normal.accepted()).isTrue();
        assertThat(normal.alert()).isNull();

        assertThat(jdbc.queryForList("SELECT alert FROM crossing_log WHERE pass_id IN (?, ?, ?) AND direction = 'SOUTHBOUND' "
                + "AND result = 'ACCEPTED' ORDER BY id", String.class, revoked.passId(), expired.passId(),
                unapproved.passId())).containsExactly("REVOKED", "EXPIRED", "APPLICATION_NOT_APPROVED");
        // once out, a revoked pass is refused both ways
        assertThat(scan(revoked.token(), Direction.SOUTHBOUND).reason()).isEqualTo(ScanReason.REVOKED);
        assertThat(scan(revoked.token(), Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.REVOKED);
    }

    @Test
    void shouldKeepAScanIdToItsSender() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("권주인");
        ScanAnswer mine = scan(pass.token(), Direction.NORTHBOUND);
        ScanRequest.Operator other = ScanRequest.Operator.device(2, "other-lane");
        ScanRequest.Operator officer = ScanRequest.Operator.officer(3, "officer");
        assertThatThrownBy(() -> scans.scan(new ScanRequest(mine.scanId(), pass.token(), Gate.KAESONG,
                Direction.SOUTHBOUND, "9", null,
                other))).isInstanceOf(ScanService.ScanIdConflict.class);
        assertThatThrownBy(() -> scans.stored(mine.scanId(), officer)).isInstanceOf(ScanService.ScanIdConflict.class);
        assertThat(scans.holderPhoto(mine.scanId(), other)).isEmpty();
        assertThat(scans.holderPhoto(mine.scanId(), DEVICE)).isPresent();
        assertThat(logRows(pass.passId())).isEqualTo(1);

        // the photo link lasts a few minutes only
        jdbc.update("UPDATE crossing_log SET recorded_at = ? WHERE scan_id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minus(ScanService.PHOTO_WINDOW).minusSeconds(1), mine.scanId());
        assertThat(scans.holderPhoto(mine.scanId(), DEVICE)).isEmpty();
    }

    @Test
    void shouldAcceptExactlyOneOfManyConcurrentEntries() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("서동시");
        List<ScanAnswer> answers = concurrently(16, () -> scan(pass.token(), Direction.NORTHBOUND));
        assertThat(answers).filteredOn(ScanAnswer::accepted).hasSize(1);
        assertThat(answers).filteredOn(a -> !a.accepted()).extracting(ScanAnswer::reason)
                .containsOnly(ScanReason.ALREADY_INSIDE);
        assertThat(logRows(pass.passId())).isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT visits FROM pass_presence WHERE pass_id = ?", Integer.class,
                pass.passId())).isEqualTo(1);
    }

    @Test
    void shouldGiveConcurrentRequestsWithOneScanIdOneAnswer() throws Exception {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("신같은");
        ScanRequest request = new ScanRequest(UUID.randomUUID().toString(), pass.token(), Gate.KAESONG,
                Direction.NORTHBOUND, "1",
                null, DEVICE);
        List<ScanAnswer> answers = concurrently(8, () -> scans.scan(request));
        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
        assertThat(answers.get(0).accepted()).isTrue();
        assertThat(logRows(pass.passId())).isEqualTo(1);
    }

    @Test
    void shouldNotLetAnOverrideSendSomeoneNorthWhileTheRouteIsNotOpen() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("오차단");
        assertThat(scan(pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
        ScanAnswer refused = scan(pass.token(), Direction.NORTHBOUND);
        assertThat(refused.reason()).isEqualTo(ScanReason.ALREADY_INSIDE);
        jdbc.update("INSERT INTO route_mode_change (route_mode, starts_at, reason, changed_by, changed_by_name, "
                + "changed_at) VALUES ('SOUTHBOUND_ONLY', ?, '입경만 허용', 1, '시험', ?)",
                LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1), LocalDateTime.now(ZoneOffset.UTC));
        try {
            assertThatThrownBy(() -> scans.override(refused.scanId(), "입경 누락 확인", DEVICE,
                    ScanRequest.Operator.officer(7, "한서윤"))).isInstanceOf(ScanService.OverrideRefused.class);
            assertThat(scan(pass.token(), Direction.SOUTHBOUND).accepted()).as("returns still go through").isTrue();
        } finally {
            jdbc.update("DELETE FROM route_mode_change WHERE reason = '입경만 허용'");
        }
    }

    @Test
    void shouldLetASupervisorOverrideARefusalOnceWithAReason() {
        CheckpointFixtures.IssuedPass pass = fixtures.pass("오예외");
        ScanAnswer refused = scan(pass.token(), Direction.SOUTHBOUND);
        assertThat(refused.reason()).isEqualTo(ScanReason.NOT_INSIDE);
        assertThat(refused.overridable()).isTrue();
        ScanRequest.Operator supervisor = ScanRequest.Operator.officer(7, "한서윤");

        assertThatThrownBy(() -> scans.override(refused.scanId(), " ", DEVICE, supervisor))
                .isInstanceOf(ScanService.OverrideRefused.class);
        assertThatThrownBy(() -> scans.override(refused.scanId(), "borrowed", ScanRequest.Operator.device(2, "x"),
                supervisor)).as("only the lane that was refused").isInstanceOf(ScanService.OverrideRefused.class);
        ScanAnswer overridden = scans.override(refused.scanId(), "출경 스캔 누락 확인", DEVICE, supervisor);
        assertThat(overridden.accepted()).isTrue();
        assertThat(overridden.override()).isTrue();
        assertThat(overridden.supervisorName()).isEqualTo("한서윤");
        assertThat(overridden.overrideReason()).isEqualTo("출경 스캔 누락 확인");
        assertThat(scans.override(refused.scanId(), "again", DEVICE, supervisor)).isEqualTo(overridden);
        assertThatThrownBy(() -> scans.override(overridden.scanId(), "x", DEVICE, supervisor))
                .isInstanceOf(ScanService.OverrideRefused.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ? AND is_override = TRUE "
                + "AND override_of = ?", Integer.class, pass.passId(), refused.scanId())).isEqualTo(1);
        assertThat(scan(pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
    }

    @Test
    void shouldNotOfferAnOverrideWithoutAKnownPass() {
        ScanAnswer malformed = scan("abc.def.ghi", Direction.NORTHBOUND);
        assertThat(malformed.overridable()).isFalse();
        assertThatThrownBy(() -> scans.override(malformed.scanId(), "reason", DEVICE, DEVICE))
                .isInstanceOf(ScanService.OverrideRefused.class);
    }

    @Test
    void shouldNeverOverrideANorthboundRefusalOfARevokedOrWithdrawnPass() {
        ScanRequest.Operator supervisor = ScanRequest.Operator.officer(7, "한서윤");
        CheckpointFixtures.IssuedPass revoked = fixtures.pass("백취소");
        fixtures.withdraw(revoked);
        ScanAnswer refused = scan(revoked.token(), Direction.NORTHBOUND);
        assertThat(refused.reason()).isEqualTo(ScanReason.REVOKED);
        assertThat(refused.overridable()).isFalse();
        assertThatThrownBy(() -> scans.override(refused.scanId(), "들여보내 주세요", DEVICE, supervisor))
                .isInstanceOf(ScanService.OverrideRefused.class);

        CheckpointFixtures.IssuedPass inside = fixtures.pass("백이중");
        assertThat(scan(inside.token(), Direction.NORTHBOUND).accepted()).isTrue();
        ScanAnswer again = scan(inside.token(), Direction.NORTHBOUND);
        assertThat(again.reason()).isEqualTo(ScanReason.ALREADY_INSIDE);
        assertThat(again.overridable()).isTrue();
        assertThat(scans.override(again.scanId(), "남행 스캔 누락", DEVICE, supervisor).accepted()).isTrue();
    }

    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
