package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.live.LiveNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The live numbers over a real connection: a supervisor's stream gets the counts at once, and an accepted scan on
 * another lane moves "inside" within 2 seconds; a stream whose browser went away is dropped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kc.live.refresh=PT1S")
class LiveNumbersTests {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    ScanService scans;

    @Autowired
    LiveNumbers live;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestAccounts accounts;

    @Test
    void shouldPushTheNewInsideCountWithinTwoSecondsOfAScan() throws Exception {
        CheckpointFixtures.IssuedPass pass = new CheckpointFixtures(jdbc, events, transactions, accounts)
                .pass("실시간");
        try (LiveStream stream = LiveStream.open(port, signedIn(Role.SUPERVISOR))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            Map<String, Long> before = stream.await(counts -> true, WITHIN);
            assertThat(before).as("the counts as the stream opens").containsKeys("inside", "inTransit", "vehicles",
                    "transitTooLong", "overstays", "alerts", "openGoodsDifferences");

            Instant scanned = Instant.now();
            ScanAnswer answer = scans.scan(new ScanRequest(UUID.randomUUID().toString(), pass.token(), Gate.KAESONG,
                    Direction.NORTHBOUND, "7", null, ScanRequest.Operator.device(1, "lane-7")));
            assertThat(answer.accepted()).isTrue();

            Map<String, Long> after = stream.await(counts -> counts.get("inside") > before.get("inside"), WITHIN);
            assertThat(after).as("an event with one more inside within %s", WITHIN).isNotNull();
            assertThat(after.get("inside")).isEqualTo(before.get("inside") + 1);
            assertThat(Duration.between(scanned, Instant.now())).isLessThan(WITHIN);
        }
    }

    @Test
    void shouldDropAStreamWhoseBrowserWentAway() throws Exception {
        int connected = live.connected();
        LiveStream stream = LiveStream.open(port, signedIn(Role.CHECKPOINT));
        assertThat(stream.await(counts -> true, WITHIN)).isNotNull();
        assertThat(live.connected()).isEqualTo(connected + 1);

        stream.close();

        // a write to it fails (at the latest the heartbeat, each kc.live.refresh), and the page is removed
        await().atMost(Duration.ofSeconds(20)).until(() -> live.connected() == connected);
    }

    @Test
    void shouldRefuseTheStreamToCivilians() throws Exception {
        try (LiveStream stream = LiveStream.open(port, signedIn(Role.CIVILIAN))) {
            assertThat(stream.status()).isEqualTo(403);
        }
    }

    private String signedIn(Role role) {
        String email = accounts.createNotEnrolled(role).email();
        WebClient browser = WebClient.forPort(port);
        assertThat(browser.login(email, TestAccounts.PASSWORD)).isTrue();
        return browser.cookie("KCSESSION").orElseThrow();
    }
}
