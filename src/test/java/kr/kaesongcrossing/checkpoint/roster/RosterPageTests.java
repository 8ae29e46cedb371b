package kr.kaesongcrossing.checkpoint.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RosterPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private void inside(String name, boolean inside, Instant validUntil, LocalDate plannedReturn) {
        long applicationId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        jdbc.update("""
                INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, holder_name_latin, position,
                  since, visits, lane, valid_until) VALUES (?, ?, ?, 'HONG', ?, ?, 1, '2', ?)""",
                "p-" + UUID.randomUUID(), applicationId, name, inside ? "INSIDE" : "SOUTH",
                LocalDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.HOURS), ZoneOffset.UTC),
                LocalDateTime.ofInstant(validUntil, ZoneOffset.UTC));
        jdbc.update("INSERT INTO checkpoint_trip (application_id, reference, entry_date, return_date) VALUES (?,?,?,?)",
                applicationId, "KC-TEST", plannedReturn.minusDays(2), plannedReturn);
    }

    @Test
    void shouldListWhoIsInsideWithOverstaysFirst() throws Exception {
        String family = "명단" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS);
        inside(family + "정상", true, later, today.plusDays(1));
        inside(family + "만료", true, Instant.now().minus(1, ChronoUnit.MINUTES), today.plusDays(1));
        inside(family + "귀환초과", true, later, today.minusDays(1));
        inside(family + "입경", false, later, today.plusDays(1));

        String html = mvc.perform(get("/checkpoint/roster").with(Staff.as(Role.OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains(family + "정상", family + "만료", family + "귀환초과").doesNotContain(family + "입경");
        assertThat(html.indexOf(family + "만료")).isLessThan(html.indexOf(family + "정상"));
        assertThat(html.indexOf(family + "귀환초과")).isLessThan(html.indexOf(family + "정상"));
        assertThat(html).contains("체류 초과", "인원 점검표 인쇄");
    }

    @Test
    void shouldShowTheRosterToCheckpointOfficeAndAdminStaffOnly() throws Exception {
        for (Role role : new Role[] {Role.CHECKPOINT, Role.OFFICER, Role.ADMIN}) {
            mvc.perform(get("/checkpoint/roster").with(Staff.as(role))).andExpect(status().isOk());
        }
        mvc.perform(get("/checkpoint/roster").with(Staff.as(Role.CIVILIAN))).andExpect(status().isForbidden());
    }
}
