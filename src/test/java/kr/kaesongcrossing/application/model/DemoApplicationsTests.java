package kr.kaesongcrossing.application.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.AppBoot;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Demo mode as {@code ./mvnw spring-boot:run} starts it: the demo civilian has an application in each state,
 * the approved one reached APPROVED_FOR_TRAVEL through the event, so the pass module issued its pass; a restart
 * adds nothing; the generated ID-number key is kept in the data directory. Without SMTP the log names a mail by its
 * id only (no address, name or reason).
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationsTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldGiveTheDemoCivilianAnApplicationInEachStateAndAPassForToday(CapturedOutput output) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().toString().replace('\\', '/') + "/kaesong;MODE=MySQL;"
                + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY";
        String[] args = {"--spring.datasource.url=" + url, "--kc.data-dir=" + dataDir, "--kc.demo.enabled=true"};
        LocalDate today = LocalDate.now(OfficeTime.ZONE);

        try (AppBoot app = AppBoot.start(args)) {
            JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
            List<Map<String, Object>> rows = jdbc.queryForList("select a.reference, a.status, a.entry_date, "
                    + "a.return_date, a.id_number_encrypted from travel_application a join user_account u "
                    + "on u.id = a.applicant_id where u.email = 'civilian@demo.test' order by a.id");
            assertThat(rows).extracting(r -> r.get("status")).containsExactlyInAnyOrder("DRAFT", "SUBMITTED",
                    "INFORMATION_REQUESTED", "AWAITING_CONSENT", "APPROVED_FOR_TRAVEL");
            Map<String, Object> approved = rows.stream().filter(r -> r.get("status").equals("APPROVED_FOR_TRAVEL"))
                    .findFirst().orElseThrow();
            assertThat(approved.get("entry_date").toString()).isEqualTo(today.toString());
            assertThat(approved.get("return_date").toString()).isEqualTo(today.plusDays(7).toString());
            assertThat(rows).allSatisfy(r -> assertThat((String) r.get("id_number_encrypted")).startsWith("v1:"));

            WebClient civilian = app.http();
            civilian.login("civilian@demo.test", "kaesong-demo-2026");
            assertThat(civilian.get("/applications").body()).contains((String) approved.get("reference"));
            assertThat(civilian.get("/passes").body()).contains((String) approved.get("reference"));
            WebClient admin = app.http();
            admin.login("admin@demo.test", "kaesong-demo-2026");
            assertThat(admin.get("/admin/mail").body()).contains("civilian@demo.test");
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("no SMTP server configured"));
            assertThat(output.getAll()).doesNotContain("civilian@demo.test", "김민준");
        }
        assertThat(dataDir.resolve("id-number.key")).exists();

        try (AppBoot again = AppBoot.start(args)) {
            JdbcTemplate jdbc = again.context().getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from travel_application a join user_account u "
                    + "on u.id = a.applicant_id where u.email = 'civilian@demo.test'", Long.class)).isEqualTo(5);
            WebClient officer = again.http();
            officer.login("officer@demo.test", "kaesong-demo-2026");
            assertThat(officer.get("/review").body()).contains("김민준");
        }
    }
}
