package kr.kaesongcrossing.checkpoint.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CrossingLogPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String family;

    @BeforeEach
    void seed() {
        family = "로그" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        insert(family + "가", "NORTHBOUND", "ACCEPTED", null, now.minus(1, ChronoUnit.HOURS));
        insert(family + "나", "NORTHBOUND", "REJECTED", "EXPIRED", now.minus(2, ChronoUnit.HOURS));
        insert(family + "다", "SOUTHBOUND", "REJECTED", "NOT_INSIDE", now.minus(3, ChronoUnit.HOURS));
        insert(family + "라", "NORTHBOUND", "ACCEPTED", null, now.minus(20, ChronoUnit.DAYS));
    }

    private void insert(String name, String direction, String result, String reason, Instant at) {
        jdbc.update("""
                INSERT INTO crossing_log (scan_id, pass_id, scanned_at, recorded_at, direction, lane, operator_name,
                  result, reason, is_override, holder_name_korean, holder_name_latin)
                VALUES (?, ?, ?, ?, ?, '1', '박지훈', ?, ?, FALSE, ?, ?)""",
                UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                LocalDateTime.ofInstant(at, ZoneOffset.UTC), direction, result, reason, name, "=HYPERLINK(\"x\")");
    }

    private String page(String query, Role role) throws Exception {
        return mvc.perform(get("/checkpoint/log?" + query).with(Staff.as(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowTheLastSevenDaysByNameNewestFirst() throws Exception {
        String html = page("name=" + family, Role.CHECKPOINT);
        assertThat(html).contains(family + "가", family + "나", family + "다").doesNotContain(family + "라");
        assertThat(html.indexOf(family + "가")).isLessThan(html.indexOf(family + "나"));
    }

    @Test
    void shouldFilterByResultReasonDirectionAndDates() throws Exception {
        assertThat(page("name=" + family + "&result=REJECTED", Role.OFFICER))
                .contains(family + "나", family + "다").doesNotContain(family + "가");
        assertThat(page("name=" + family + "&reason=NOT_INSIDE", Role.ADMIN))
                .contains(family + "다").doesNotContain(family + "나");
        assertThat(page("name=" + family + "&direction=SOUTHBOUND", Role.ADMIN))
                .contains(family + "다").doesNotContain(family + "가");
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        assertThat(page("name=" + family + "&from=" + today.minusDays(30) + "&to=" + today.minusDays(10),
                Role.CHECKPOINT)).contains(family + "라").doesNotContain(family + "가");
    }

    @Test
    void shouldListALateOfflineUploadByTheTimeItArrivedAndFilterAlerts() throws Exception {
        Instant received = Instant.now().minus(5, ChronoUnit.MINUTES);
        Instant scanned = Instant.now().minus(3, ChronoUnit.DAYS);
        jdbc.update("""
                INSERT INTO crossing_log (scan_id, pass_id, scanned_at, recorded_at, direction, lane, operator_name,
                  result, alert, is_override, holder_name_korean)
                VALUES (?, ?, ?, ?, 'SOUTHBOUND', '1', 'device', 'ACCEPTED', 'STALE_OFFLINE_SCAN', FALSE, ?)""",
                UUID.randomUUID().toString(), "p-" + UUID.randomUUID(), LocalDateTime.ofInstant(scanned, ZoneOffset.UTC),
                LocalDateTime.ofInstant(received, ZoneOffset.UTC), family + "마");

        // by default: by the time received, so the late upload is on top and shows both times
        String html = page("name=" + family, Role.CHECKPOINT);
        assertThat(html.indexOf(family + "마")).isLessThan(html.indexOf(family + "가"));
        assertThat(html).contains(OfficeTime.seconds(scanned.truncatedTo(ChronoUnit.SECONDS)), "⚠ 오래된 오프라인 스캔");
        // by the time scanned it sits three days back, and today alone does not hold it
        String byScan = page("name=" + family + "&time=SCANNED", Role.CHECKPOINT);
        assertThat(byScan.indexOf(family + "마")).isGreaterThan(byScan.indexOf(family + "다"));
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        assertThat(page("name=" + family + "&time=SCANNED&from=" + today + "&to=" + today, Role.CHECKPOINT))
                .doesNotContain(family + "마");
        assertThat(page("name=" + family + "&alert=STALE_OFFLINE_SCAN", Role.OFFICER))
                .contains(family + "마").doesNotContain(family + "가");
    }

    @Test
    void shouldIgnoreAFilterValueThatDoesNotParse() throws Exception {
        assertThat(page("name=" + family + "&reason=NOPE&from=yesterday", Role.CHECKPOINT)).contains(family + "가");
    }

    @Test
    void shouldExportTheFilteredRowsAsCsvWithBomAndHangul() throws Exception {
        byte[] csv = mvc.perform(get("/checkpoint/log/export.csv?result=REJECTED&name=" + family)
                        .with(Staff.as(Role.OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).contains("시각(한국 시간)", "사유");
        assertThat(lines).hasSize(3);
        assertThat(text).contains(family + "나", "유효기간 만료", family + "다", "출경 기록 없음")
                .doesNotContain(family + "가");
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void shouldKeepTheLogFromApplicants() throws Exception {
        mvc.perform(get("/checkpoint/log").with(Staff.as(Role.CIVILIAN))).andExpect(status().isForbidden());
        mvc.perform(get("/checkpoint/log/export.csv").with(Staff.as(Role.CIVILIAN))).andExpect(status().isForbidden());
        mvc.perform(get("/checkpoint/log")).andExpect(status().is3xxRedirection());
    }
}
