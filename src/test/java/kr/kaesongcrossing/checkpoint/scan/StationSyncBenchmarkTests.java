package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On demand only: a station that was offline uploads 5,000 queued scans of distinct passes (half northbound at
 * Dorasan, accepted; half southbound there, refused as not inside, so conflicts with the offline acceptance) in one
 * request over HTTP, and the time is printed. Run on MariaDB with
 * {@code KC_TEST_DB=mysql ... ./mvnw -o test -Dtest=StationSyncBenchmarkTests -Dkc.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "kc.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kc.route.gates=DORASAN,KAESONG")
class StationSyncBenchmarkTests {

    private static final int SCANS = Integer.getInteger("kc.bench.scans", StationApiController.MAX_BATCH);
    private static final int ROWS_PER_INSERT = 1000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void syncFiveThousandQueuedScans() throws Exception {
        List<String> passTokens = passes(SCANS);
        String bearer = "Bearer " + tokens.pairStation("bench-" + UUID.randomUUID(), "DORASAN", "1", 1L).token();
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        StringJoiner items = new StringJoiner(",", "{\"scans\":[", "]}");
        for (int i = 0; i < SCANS; i++) {
            items.add(StationApiTests.item(UUID.randomUUID().toString(), passTokens.get(i),
                    i % 2 == 0 ? "NORTHBOUND" : "SOUTHBOUND", "DORASAN", at.plusSeconds(i), "ACCEPTED", null));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/scans/batch"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(items.toString())).build();

        Instant started = Instant.now();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(started, Instant.now());

        assertThat(answer.statusCode()).isEqualTo(200);
        List<Map<String, Object>> results = JsonPath.read(answer.body(), "$.results");
        long accepted = results.stream().filter(r -> "ACCEPTED".equals(r.get("decision"))).count();
        long conflicts = results.stream().filter(r -> Boolean.TRUE.equals(r.get("conflict"))).count();
        System.out.printf("station sync benchmark: %d queued scans synced in %.1f s (%.2f ms a scan; %d accepted, "
                + "%d conflicts)%n", results.size(), took.toMillis() / 1000.0, took.toMillis() / (double) SCANS,
                accepted, conflicts);
        assertThat(results).hasSize(SCANS);
        assertThat(accepted).isEqualTo(SCANS / 2);
        assertThat(conflicts).isEqualTo(SCANS / 2);
    }

    /** {@code count} passes of distinct approved trips, issued by the pass module; their tokens, in order. */
    private List<String> passes(int count) {
        long holder = accounts.create(Role.CIVILIAN).id();
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        for (int start = 0; start < count; start += ROWS_PER_INSERT) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = start; i < Math.min(count, start + ROWS_PER_INSERT); i++) {
                values.add("('S" + run + String.format("%07d", i) + "', " + holder + ", 'APPROVED_FOR_TRAVEL',"
                        + " '벤치', 'BENCH', '" + today + "', '" + today.plusDays(2) + "', NOW(), NOW())");
            }
            jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin,"
                    + " entry_date, return_date, created_at, updated_at) VALUES " + values);
        }
        List<Map<String, Object>> trips = jdbc.queryForList("SELECT id, reference FROM travel_application"
                + " WHERE reference LIKE 'S" + run + "%' ORDER BY reference");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        byte[] photo = TestImages.portraitJpeg();
        Instant started = Instant.now();
        for (Map<String, Object> trip : trips) {
            long id = ((Number) trip.get("id")).longValue();
            transaction.executeWithoutResult(status -> events.publishEvent(new TripApprovedForTravel(id,
                    (String) trip.get("reference"), holder, "벤치", "BENCH", LocalDate.of(1980, 1, 2), "KOR", today,
                    today.plusDays(2), photo)));
        }
        System.out.printf("station sync benchmark: %d passes issued in %.1f s%n", trips.size(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        List<String> tokens = new ArrayList<>();
        for (Map<String, Object> trip : trips) {
            tokens.add(jdbc.queryForObject("SELECT token FROM pass WHERE current_for_application = ?", String.class,
                    trip.get("id")));
        }
        return tokens;
    }
}
