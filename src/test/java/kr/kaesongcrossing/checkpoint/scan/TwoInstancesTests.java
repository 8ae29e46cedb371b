package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.kaesongcrossing.KaesongCrossingApplication;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second, independent application context (own connection pool, own Hibernate, own web server) on the same
 * database, as a second app instance would be: concurrent ENTRY scans of one pass spread over both instances are
 * accepted exactly once, and a scan on one moves the live count streamed by the other. On MariaDB this is two
 * pools against one server; on H2 one in-memory database.
 */
@Tag("slow")
@Tag("two-instances")
@SpringBootTest
class TwoInstancesTests {

    static ConfigurableApplicationContext second;

    @Autowired
    ScanService first;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(KaesongCrossingApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    /** The other instance learns of a scan only through the database (its change marker), within 2 seconds. */
    @Test
    void shouldMoveTheLiveCountOnTheOtherInstance() throws Exception {
        int port = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
        WebClient browser = WebClient.forPort(port);
        assertThat(browser.login(accounts.createNotEnrolled(Role.SUPERVISOR).email(), TestAccounts.PASSWORD)).isTrue();
        CheckpointFixtures.IssuedPass pass = new CheckpointFixtures(jdbc, events, transactions, accounts)
                .pass("두인스실시간");
        try (LiveStream stream = LiveStream.open(port, browser.cookie("KCSESSION").orElseThrow())) {
            Map<String, Long> before = stream.await(counts -> true, Duration.ofSeconds(2));
            assertThat(before).isNotNull();

            assertThat(ScanServiceTests.scan(first, pass.token(), Direction.NORTHBOUND).accepted()).isTrue();

            assertThat(stream.await(counts -> counts.get("inside") > before.get("inside"), Duration.ofSeconds(2)))
                    .as("one more inside, seen on the other instance").isNotNull();
        }
    }

    @Test
    void shouldAcceptExactlyOneEntryAcrossTwoInstances() throws Exception {
        ScanService other = second.getBean(ScanService.class);
        assertThat(other).isNotSameAs(first);
        CheckpointFixtures fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        for (int round = 0; round < 3; round++) {
            CheckpointFixtures.IssuedPass pass = fixtures.pass("두인스" + round);
            AtomicInteger turn = new AtomicInteger();
            List<ScanAnswer> answers = ScanServiceTests.concurrently(12, () -> ScanServiceTests.scan(
                    turn.getAndIncrement() % 2 == 0 ? first : other, pass.token(), Direction.NORTHBOUND));
            assertThat(answers).filteredOn(ScanAnswer::accepted).hasSize(1);
            assertThat(answers).filteredOn(a -> !a.accepted()).extracting(ScanAnswer::reason)
                    .containsOnly(ScanReason.ALREADY_INSIDE);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE pass_id = ? AND result = "
                    + "'ACCEPTED'", Integer.class, pass.passId())).isEqualTo(1);
        }
    }
}
