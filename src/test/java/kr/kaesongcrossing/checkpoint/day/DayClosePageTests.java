package kr.kaesongcrossing.checkpoint.day;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures.IssuedPass;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/** The day close on a real database: its lists, and who may see and sign it. */
@SpringBootTest
@AutoConfigureMockMvc
class DayClosePageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestAccounts accounts;

    CheckpointFixtures fixtures;
    String family;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        family = "마감" + UUID.randomUUID().toString().substring(0, 6);
        today = LocalDate.now(OfficeTime.ZONE);
    }

    /** A day of the past nobody else's test uses, so its counts and signature are this test's alone. */
    private static LocalDate quietDay() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000));
    }

    private void at(IssuedPass pass, String position, Instant since) {
        jdbc.update("""
                INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, holder_name_latin, position,
                  since, visits, lane, valid_until, last_gate, last_direction) VALUES (?, ?, ?, 'HONG', ?, ?, 1, '2', ?,
                  'KAESONG', 'NORTHBOUND')""",
                pass.passId(), pass.applicationId(), pass.nameKorean(), position,
                LocalDateTime.ofInstant(since, ZoneOffset.UTC), LocalDateTime.now(ZoneOffset.UTC).plusDays(5));
    }

    private void slots(IssuedPass pass, String northbound, String southbound) {
        jdbc.update("UPDATE travel_application SET northbound_slot = ?, southbound_slot = ? WHERE id = ?",
                northbound, southbound, pass.applicationId());
    }

    private String log(IssuedPass pass, String name, String direction, String result, String reason, Instant at) {
        String scanId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, gate,
                  lane, operator_name, result, reason, is_override, holder_name_korean)
                VALUES (?, ?, ?, ?, ?, ?, 'DORASAN', '3', '박근무', ?, ?, FALSE, ?)""",
                scanId, pass == null ? null : pass.passId(), pass == null ? null : pass.applicationId(),
                LocalDateTime.ofInstant(at, ZoneOffset.UTC), LocalDateTime.ofInstant(at, ZoneOffset.UTC), direction,
                result, reason, name);
        return scanId;
    }

    private String page(String query, Role role) throws Exception {
        return mvc.perform(get("/checkpoint/day" + query).with(Staff.as(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListWhoWasDueBackTodayAndIsStillAcross() throws Exception {
        IssuedPass endsToday = fixtures.pass(family + "오늘귀환", today.minusDays(2), today);
        at(endsToday, "INSIDE", Instant.now().minus(2, ChronoUnit.DAYS));
        IssuedPass slotToday = fixtures.pass(family + "시간대귀환", today.minusDays(1), today.plusDays(1));
        slots(slotToday, null, "S-" + today + "-1200");
        at(slotToday, "IN_TRANSIT", Instant.now().minus(20, ChronoUnit.MINUTES));
        IssuedPass overdue = fixtures.pass(family + "어제귀환", today.minusDays(3), today.minusDays(1));
        at(overdue, "INSIDE", Instant.now().minus(3, ChronoUnit.DAYS));
        IssuedPass later = fixtures.pass(family + "내일귀환", today, today.plusDays(1));
        at(later, "INSIDE", Instant.now().minus(1, ChronoUnit.HOURS));
        IssuedPass back = fixtures.pass(family + "돌아옴", today.minusDays(1), today);
        at(back, "SOUTH", Instant.now().minus(1, ChronoUnit.HOURS));

        String html = page("", Role.CHECKPOINT);

        assertThat(html).contains(family + "오늘귀환", family + "시간대귀환", family + "어제귀환", "구역 출입문")
                .doesNotContain(family + "내일귀환", family + "돌아옴");
        // the overdue one first, then by due day
        assertThat(html.indexOf(family + "어제귀환")).isLessThan(html.indexOf(family + "오늘귀환"));
        // as of an earlier day only those due back by then
        assertThat(page("?day=" + today.minusDays(1), Role.SUPERVISOR))
                .contains(family + "어제귀환").doesNotContain(family + "오늘귀환", family + "시간대귀환");
    }

    @Test
    void shouldListCrossingsWithoutSlotOverridesAndCountsOfTheDay() throws Exception {
        LocalDate day = quietDay();
        Instant noon = LocalDateTime.of(day, LocalTime.NOON).atZone(OfficeTime.ZONE).toInstant();
        IssuedPass booked = fixtures.pass(family + "예약", today, today.plusDays(1));
        slots(booked, "N-" + today + "-0830", "S-" + today.plusDays(1) + "-1600");
        IssuedPass unbooked = fixtures.pass(family + "무예약", today, today.plusDays(1));
        log(booked, family + "예약", "NORTHBOUND", "ACCEPTED", null, noon);
        log(unbooked, family + "무예약", "NORTHBOUND", "ACCEPTED", null, noon.plusSeconds(60));
        log(booked, family + "예약", "SOUTHBOUND", "REJECTED", "NOT_INSIDE", noon.plusSeconds(120));
        String refused = log(unbooked, family + "승인", "SOUTHBOUND", "REJECTED", "EXPIRED", noon.plusSeconds(180));
        jdbc.update("""
                INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, gate,
                  lane, operator_name, result, is_override, override_of, override_reason, supervisor_name,
                  holder_name_korean)
                VALUES (?, ?, ?, ?, ?, 'SOUTHBOUND', 'KAESONG', '1', '이근무', 'ACCEPTED', TRUE, ?, '환자 이송',
                  '최감독', ?)""", "override:" + refused, unbooked.passId(), unbooked.applicationId(),
                LocalDateTime.ofInstant(noon.plusSeconds(240), ZoneOffset.UTC),
                LocalDateTime.ofInstant(noon.plusSeconds(240), ZoneOffset.UTC), refused, family + "승인");
        // the next morning (KST) belongs to the next day
        log(unbooked, family + "다음날", "NORTHBOUND", "ACCEPTED", null,
                LocalDateTime.of(day.plusDays(1), LocalTime.of(0, 30)).atZone(OfficeTime.ZONE).toInstant());

        String html = page("?day=" + day, Role.ADMIN);

        String slotless = html.substring(html.indexOf("id=\"day-slotless\""), html.indexOf("id=\"day-overrides\""));
        assertThat(slotless).contains(family + "무예약", "박근무").doesNotContain(family + "예약<");
        String overrides = html.substring(html.indexOf("id=\"day-overrides\""), html.indexOf("id=\"day-counts\""));
        assertThat(overrides).contains(family + "승인", "EXPIRED", "이근무", "최감독", "환자 이송");
        String counts = html.substring(html.indexOf("id=\"day-counts\""));
        assertThat(counts.replaceAll("\\s+", " ")).contains(
                "<td>도라산 CIQ</td> <td>출경</td> <td>2</td> <td>0</td>",
                "<td>도라산 CIQ</td> <td>입경</td> <td>0</td> <td>2</td>",
                "<td>구역 출입문</td> <td>입경</td> <td>1</td> <td>0</td>");
        assertThat(html).doesNotContain(family + "다음날");
    }

    @Test
    void shouldLetASupervisorSignADayOnceAndShowWhoSignedIt() throws Exception {
        LocalDate day = quietDay();
        RequestPostProcessor supervisor = Staff.as(Role.SUPERVISOR);
        assertThat(page("?day=" + day, Role.SUPERVISOR)).contains("id=\"day-sign\"");

        mvc.perform(post("/checkpoint/day/sign").param("day", day.toString()).param("note", "인원 확인 완료")
                .with(supervisor).with(csrf()))
                .andExpect(redirectedUrl("/checkpoint/day?day=" + day));

        String html = page("?day=" + day, Role.CHECKPOINT);
        assertThat(html).contains("님이", "마감을 확인했습니다", "인원 확인 완료").doesNotContain("id=\"day-sign\"");
        String signer = jdbc.queryForObject("SELECT signed_by_name FROM day_signoff WHERE office_day = ?",
                String.class, day);
        assertThat(html).contains(signer);

        mvc.perform(post("/checkpoint/day/sign").param("day", day.toString()).with(Staff.as(Role.ADMIN))
                .with(csrf()))
                .andExpect(redirectedUrl("/checkpoint/day?day=" + day))
                .andExpect(flash().attribute("problem", Matchers.containsString("이미 " + signer)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM day_signoff WHERE office_day = ?", Integer.class, day))
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseADayNotBegunAndABadDay() throws Exception {
        mvc.perform(post("/checkpoint/day/sign").param("day", today.plusDays(1).toString())
                .with(Staff.as(Role.SUPERVISOR)).with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.containsString("시작하지 않은 날")));
        assertThat(page("?day=yesterday", Role.CHECKPOINT)).contains("날짜를 확인하세요", today.toString());
        assertThat(page("?day=" + today.plusDays(3), Role.CHECKPOINT)).contains("날짜를 확인하세요");
    }

    @Test
    void shouldShowEachRoleOnlyWhatItMay() throws Exception {
        LocalDate day = quietDay();
        // lane staff read the day but do not sign it
        assertThat(page("", Role.CHECKPOINT)).contains("감독자 또는 관리자만").doesNotContain("id=\"day-sign\"");
        mvc.perform(post("/checkpoint/day/sign").param("day", day.toString()).with(Staff.as(Role.CHECKPOINT))
                .with(csrf())).andExpect(status().isForbidden());
        for (Role role : new Role[] {Role.OFFICER, Role.CIVILIAN}) {
            mvc.perform(get("/checkpoint/day").with(Staff.as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/checkpoint/day/sign").param("day", day.toString()).with(Staff.as(role))
                    .with(csrf())).andExpect(status().isForbidden());
        }
        // without the CSRF token nobody signs
        mvc.perform(post("/checkpoint/day/sign").param("day", day.toString()).with(Staff.as(Role.SUPERVISOR)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM day_signoff WHERE office_day = ?", Integer.class, day))
                .isZero();
    }
}
