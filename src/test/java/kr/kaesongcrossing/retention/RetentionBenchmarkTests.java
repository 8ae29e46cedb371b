package kr.kaesongcrossing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.ApplicationRetention;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On demand only: anonymises 100,000 old applications (each with a photo and two timeline steps) and prints the
 * time. Run on MariaDB with
 * {@code KC_TEST_DB=mysql ... ./mvnw -o test -Dtest=RetentionBenchmarkTests -Dkc.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "kc.benchmark", matches = "true")
@SpringBootTest
class RetentionBenchmarkTests {

    private static final int APPLICATIONS = 100_000;
    private static final int ROWS_PER_INSERT = 1000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationRetention retention;

    @Test
    void anonymiseOneHundredThousandOldApplications() {
        long applicant = accounts.create(Role.CIVILIAN).id();
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate back = OfficeTime.today(java.time.Clock.systemUTC()).minusYears(5);
        for (int start = 0; start < APPLICATIONS; start += ROWS_PER_INSERT) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = start; i < start + ROWS_PER_INSERT; i++) {
                values.add("('B" + run + String.format("%07d", i) + "', " + applicant + ", 'APPROVED_FOR_TRAVEL',"
                        + " '벤치마크', 'BENCH MARK', '1980-01-02', 'KOR', '010-0000-0000', '벤치 기관', 'TALKS',"
                        + " '" + back.minusDays(2) + "', '" + back + "', TRUE, NOW(), NOW())");
            }
            jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin,"
                    + " date_of_birth, nationality, phone, organisation, purpose, entry_date, return_date, has_photo,"
                    + " created_at, updated_at) VALUES " + values);
        }
        String mine = "SELECT id FROM travel_application WHERE reference LIKE 'B" + run + "%'";
        jdbc.update("INSERT INTO application_photo (application_id, jpeg, width, height, uploaded_at)"
                + " SELECT id, X'FFD8FFD9', 1, 1, NOW() FROM (" + mine + ") a");
        jdbc.update("INSERT INTO application_status_change (application_id, to_status, changed_at, actor_name)"
                + " SELECT id, 'SUBMITTED', NOW(), '신청인' FROM (" + mine + ") a");
        jdbc.update("INSERT INTO application_status_change (application_id, from_status, to_status, changed_at,"
                + " actor_name) SELECT id, 'SUBMITTED', 'APPROVED_FOR_TRAVEL', NOW(), '심사관' FROM (" + mine + ") a");

        Instant started = Instant.now();
        long done = retention.anonymiseFinishedTrips(back.plusDays(1), Instant.now());
        Duration took = Duration.between(started, Instant.now());

        System.out.printf("retention benchmark: %d applications anonymised in %.1f s%n", done,
                took.toMillis() / 1000.0);
        assertThat(done).isGreaterThanOrEqualTo(APPLICATIONS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE reference LIKE 'B" + run
                + "%' AND name_korean IS NOT NULL", Long.class)).isZero();
    }
}
