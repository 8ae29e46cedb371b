package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A scan whose transaction the database kills as a deadlock victim (on Galera: whose commit fails certification,
 * the same error 1213) is run again as a whole and answered once, with one log row.
 */
@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class WriteConflictRetryTests {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Autowired
    ScanService scans;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestAccounts accounts;

    @Test
    void shouldAnswerAScanOnceWhenItsFirstAttemptIsADeadlockVictim() throws Exception {
        Assumptions.assumeTrue("mysql".equalsIgnoreCase(System.getenv("KC_TEST_DB")),
                "InnoDB's deadlock victim is the lighter transaction; H2 kills whichever closes the cycle");
        CheckpointFixtures fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        CheckpointFixtures.IssuedPass pass = fixtures.pass("김교착");
        assertThat(ScanServiceTests.scan(scans, pass.token(), Direction.NORTHBOUND).accepted()).isTrue();
        String scanId = UUID.randomUUID().toString();
        ExecutorService lane = Executors.newSingleThreadExecutor();
        try (Connection rival = dataSource.getConnection()) {
            rival.setAutoCommit(false);
            try (Statement statement = rival.createStatement()) {
                // weight, rolled back at the end: InnoDB kills the transaction with fewer changes, the scan's
                statement.executeUpdate("UPDATE slot_timetable SET people_cap = people_cap + 1");
            }
            query(rival, "SELECT position FROM pass_presence WHERE pass_id = ? FOR UPDATE", pass.passId());

            // the scan locks the pass row, then waits for the presence row the rival holds
            Future<ScanAnswer> answer = lane.submit(() -> scans.scan(new ScanRequest(scanId, pass.token(),
                    Gate.KAESONG, Direction.SOUTHBOUND, "1", null, ScanServiceTests.DEVICE)));
            awaitLockWait();

            // the rival now wants the pass row: a cycle; the scan's first attempt dies and releases it
            query(rival, "SELECT id FROM pass WHERE pass_id = ? FOR UPDATE", pass.passId());
            assertThat(answer.isDone()).as("the scan waits for the pass row, in its second attempt").isFalse();
            rival.rollback();

            ScanAnswer exit = answer.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(exit.accepted()).as("the retried scan's answer").isTrue();
        } finally {
            lane.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE scan_id = ?", Integer.class, scanId))
                .as("log rows of the scan").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT position FROM pass_presence WHERE pass_id = ?", String.class,
                pass.passId())).isEqualTo("SOUTH");
        ScanAnswer replay = scans.scan(new ScanRequest(scanId, pass.token(), Gate.KAESONG, Direction.SOUTHBOUND, "1",
                null, ScanServiceTests.DEVICE));
        assertThat(replay.accepted()).as("the same scan id again: the stored answer").isTrue();
    }

    private static void query(Connection connection, String sql, String passId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, passId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
            }
        }
    }

    /**
     * Until the scan's update of the presence row is under way on this database (it can only wait there: the rival
     * holds that row). Read from the process list: MariaDB 10.11's INNODB_TRX did not always show that wait as
     * {@code LOCK WAIT} (seen with the update waiting for 7 s).
     */
    private void awaitLockWait() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                    + "WHERE DB = DATABASE() AND LOWER(INFO) LIKE 'update pass_presence %'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the scan never waited for the presence row");
    }
}
