package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.application.manifest.Manifests;
import kr.kaesongcrossing.application.manifest.SlotRow;
import kr.kaesongcrossing.checkpoint.roster.Roster;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo shows a working day around today (KST), as a fresh {@code ./mvnw spring-boot:run} starts it: travellers
 * of several organisations in today's and tomorrow's slots, people inside, one in transit beyond the alert, one
 * overdue, a list closed and a manifest sent; the day close lists the overdue and the one on the road; three
 * organisations with their coordinators and members; a standing permit holder.
 */
class DemoWorkingDayTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldStartTheDemoWithAWorkingDay() {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().toString().replace('\\', '/')
                + "/kaesong;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;TIME ZONE=UTC;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        long started = System.nanoTime();
        try (AppBoot app = AppBoot.start("--spring.datasource.url=" + url, "--kc.data-dir=" + dataDir,
                "--kc.demo.enabled=true")) {
            System.out.printf("Demo context started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(OfficeTime.ZONE);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE status = "
                    + "'APPROVED_FOR_TRAVEL' AND organisation <> '개성협력재단'", Integer.class)).isGreaterThanOrEqualTo(25);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT organisation) FROM travel_application",
                    Integer.class)).isGreaterThanOrEqualTo(4);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slot_booking b JOIN slot s ON s.id = b.slot_id "
                    + "WHERE s.slot_date = ?", Integer.class, today)).isGreaterThanOrEqualTo(10);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slot_booking b JOIN slot s ON s.id = b.slot_id "
                    + "WHERE s.slot_date = ?", Integer.class, today.plusDays(1))).isGreaterThanOrEqualTo(10);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pass_presence WHERE position = 'INSIDE'",
                    Integer.class)).isGreaterThanOrEqualTo(10);
            assertThat(app.context().getBean(Roster.class).transitTooLong()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pass_presence p JOIN checkpoint_trip t "
                    + "ON t.application_id = p.application_id WHERE p.position = 'INSIDE' AND t.return_date < ?",
                    Integer.class, today)).isEqualTo(1);

            // with gate checks on (the demo's default) the demo civilian's trip may cross: the North consented to
            // its northbound slot of today
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slot_consent c JOIN travel_application a "
                    + "ON a.id = c.application_id JOIN user_account u ON u.id = a.applicant_id "
                    + "WHERE u.email = 'civilian@demo.test' AND c.slot = a.northbound_slot", Integer.class))
                    .isEqualTo(1);
            List<SlotRow> coming = app.context().getBean(Manifests.class).coming();
            assertThat(coming).anyMatch(row -> row.status() == SlotRow.Status.SENT);
            assertThat(coming).anyMatch(row -> row.status() == SlotRow.Status.LIST_CLOSED);

            WebClient supervisor = app.http();
            assertThat(supervisor.login("supervisor@demo.test", "kaesong-demo-2026")).isTrue();
            String day = supervisor.get("/checkpoint/day").body();
            assertThat(day).contains("구민아", "id=\"day-sign\"");

            // three organisations, each with a coordinator and members; the company's coordinator has the demo
            // civilian's request to decide, and the working day's coordinators are still there for their trips
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation o WHERE "
                    + "(SELECT COUNT(*) FROM organisation_member m WHERE m.organisation_id = o.id "
                    + "AND m.role = 'COORDINATOR') = 1 AND (SELECT COUNT(*) FROM organisation_member m "
                    + "WHERE m.organisation_id = o.id AND m.role = 'MEMBER') >= 1", Integer.class)).isEqualTo(3);
            long company = jdbc.queryForObject("SELECT id FROM organisation WHERE type = 'COMPANY'", Long.class);
            WebClient coordinator = app.http();
            assertThat(coordinator.login("coordinator@demo.test", "kaesong-demo-2026")).isTrue();
            assertThat(coordinator.get("/organisations/" + company).body()).contains("한국전력 개성지사",
                    "civilian@demo.test");
            // the company's registered van, for its members' trips
            assertThat(coordinator.get("/vehicles").body()).contains("34나5678", "한국전력 개성지사");

            // one standing permit holder of the company, with the permit's pass, who books on their permit page
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM standing_permit p JOIN user_account u "
                    + "ON u.id = p.holder_id JOIN pass s ON s.current_for_permit = p.id WHERE u.email = "
                    + "'coordinator3@demo.test' AND p.organisation_id = ?", Integer.class, company)).isEqualTo(1);
            WebClient holder = app.http();
            assertThat(holder.login("coordinator3@demo.test", "kaesong-demo-2026")).isTrue();
            assertThat(holder.get("/permits").body()).contains("KP-", "name=\"northbound\"");
        }
    }
}
