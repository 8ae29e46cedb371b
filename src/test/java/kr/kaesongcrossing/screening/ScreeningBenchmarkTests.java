package kr.kaesongcrossing.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On demand only: 100,000 submitted applications screened again against a watch list of 10,000 entries on the
 * database ({@link Screening#screenAgain}, as after an import), twice: the first run raises the possible matches,
 * the second finds nothing new (as when one entry is added by hand). Prints both times; removes its rows after. Run
 * on MariaDB with
 * {@code KC_TEST_DB=mysql ... ./mvnw -o test -Dtest=ScreeningBenchmarkTests -Dkc.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "kc.benchmark", matches = "true")
@SpringBootTest
class ScreeningBenchmarkTests {

    private static final int ROWS_PER_INSERT = 1000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Screening screening;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void screenOneHundredThousandApplicationsAgainTenThousandEntries() {
        SyntheticPeople people = new SyntheticPeople(17);
        LocalDate entry = OfficeTime.today(java.time.Clock.systemUTC()).plusDays(30);
        for (int start = 0; start < NameMatchingBenchmarkTests.LISTED; start += ROWS_PER_INSERT) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = start; i < start + ROWS_PER_INSERT; i++) {
                SyntheticPeople.Person p = people.listed();
                values.add("(" + text(p.nameKorean()) + ", " + text(p.nameLatin()) + ", " + date(p.dateOfBirth())
                        + ", " + text(p.idNumberHash()) + ", '벤치마크', 'bench-" + run + "', '2026-11-20', NOW())");
            }
            jdbc.update("INSERT INTO watch_list_entry (name_korean, name_latin, date_of_birth, id_number_hash, reason,"
                    + " source, listed_since, created_at) VALUES " + values);
        }
        long applicant = accounts.create(Role.CIVILIAN).id();
        for (int start = 0; start < NameMatchingBenchmarkTests.APPLICANTS; start += ROWS_PER_INSERT) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = start; i < start + ROWS_PER_INSERT; i++) {
                SyntheticPeople.Person p = people.applicant();
                values.add("('S" + run + String.format("%07d", i) + "', " + applicant + ", 'SUBMITTED', "
                        + text(p.nameKorean()) + ", " + text(p.nameLatin()) + ", " + date(p.dateOfBirth()) + ", "
                        + text(p.idNumberHash()) + ", 'KOR', 'TALKS', '" + entry + "', '" + entry.plusDays(2)
                        + "', TRUE, NOW(), NOW(), NOW())");
            }
            jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, name_latin,"
                    + " date_of_birth, id_number_hash, nationality, purpose, entry_date, return_date, has_photo,"
                    + " created_at, updated_at, submitted_at) VALUES " + values);
        }

        Instant started = Instant.now();
        int held = screening.screenAgain();
        Duration first = Duration.between(started, Instant.now());
        long raised = jdbc.queryForObject("SELECT COUNT(*) FROM screening_match m JOIN travel_application a"
                + " ON a.id = m.application_id WHERE a.reference LIKE 'S" + run + "%'", Long.class);
        started = Instant.now();
        int heldAgain = screening.screenAgain();
        Duration second = Duration.between(started, Instant.now());

        System.out.printf("screening benchmark (database): %,d applications against %,d entries: first run %.1f s "
                + "(%,d possible matches raised, %,d applications held), again with nothing new %.1f s%n",
                NameMatchingBenchmarkTests.APPLICANTS, NameMatchingBenchmarkTests.LISTED, first.toMillis() / 1000.0,
                raised, held, second.toMillis() / 1000.0);
        assertThat(heldAgain).isEqualTo(held);
    }

    @AfterEach
    void removeRows() {
        String mine = "SELECT id FROM travel_application WHERE reference LIKE 'S" + run + "%'";
        jdbc.update("DELETE FROM screening_match WHERE application_id IN (SELECT id FROM (" + mine + ") a)");
        jdbc.update("DELETE FROM travel_application WHERE reference LIKE 'S" + run + "%'");
        jdbc.update("DELETE FROM watch_list_entry WHERE source = 'bench-" + run + "'");
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String date(LocalDate value) {
        return value == null ? "NULL" : "'" + value + "'";
    }
}
