package kr.kaesongcrossing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.report.ReportQueries.DayCount;
import kr.kaesongcrossing.report.ReportQueries.GroupCount;
import kr.kaesongcrossing.report.ReportQueries.HourInside;
import kr.kaesongcrossing.report.ReportQueries.ReasonCount;
import kr.kaesongcrossing.report.ReportQueries.Stay;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports' figures against rows whose answers are known: all seeded in March 2019 (KST), a month no other test
 * writes to, and cleared first so that a run on a kept MariaDB database starts from the same rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportsTests {

    private static final LocalDate DAY = LocalDate.of(2019, 3, 5);
    private static final String ORGANISATION = "보고테스트기관";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportQueries queries;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CrossingDays crossingDays;

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM slot_consent WHERE slot LIKE 'N-2019-03-%'");
        jdbc.update("DELETE FROM manifest_version WHERE slot LIKE 'N-2019-03-%'");
        jdbc.update("DELETE FROM application_status_change WHERE application_id IN"
                + " (SELECT id FROM travel_application WHERE reference LIKE 'KC-RPT-%')");
        jdbc.update("DELETE FROM crossing_log WHERE scanned_at >= ? AND scanned_at < ?",
                LocalDateTime.of(2019, 2, 20, 0, 0), LocalDateTime.of(2019, 4, 10, 0, 0));
        jdbc.update("DELETE FROM crossing_log WHERE pass_id = 'p-rpt-late' OR pass_id LIKE 'p-rpt-s-%'");
        jdbc.update("DELETE FROM travel_application WHERE reference LIKE 'KC-RPT-%'");
        jdbc.update("DELETE FROM slot WHERE slot_date >= ? AND slot_date <= ?", DAY.minusDays(10), DAY.plusDays(10));

        long family = application("KC-RPT-1", ORGANISATION, "FAMILY", null);
        // 5 March (KST): 3 northbound and 2 southbound at the zone gate; the Dorasan gate, a vehicle and a refusal
        // do not count
        log("p-rpt-a", family, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 9, 0));
        log("p-rpt-b", family, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 9, 30));
        log("p-rpt-c", family, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 10, 0));
        log("p-rpt-a", family, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 15, 0));
        log("p-rpt-b", family, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 22, 0));
        log("p-rpt-d", family, "NORTHBOUND", "DORASAN", "ACCEPTED", null, kst(DAY, 8, 0));
        log("p-rpt-e", family, "NORTHBOUND", "KAESONG", "REJECTED", "EXPIRED", kst(DAY, 11, 0));
        log("p-rpt-e", family, "NORTHBOUND", "KAESONG", "REJECTED", "EXPIRED", kst(DAY, 11, 5));
        log("p-rpt-f", family, "SOUTHBOUND", "DORASAN", "REJECTED", "REVOKED", kst(DAY, 12, 0));
        jdbc.update("UPDATE crossing_log SET is_override = TRUE WHERE pass_id = 'p-rpt-c'");
        jdbc.update("UPDATE crossing_log SET driver_scan_id = 'x' WHERE pass_id = 'p-rpt-d'");
        log("p-rpt-v", family, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY, 10, 10));
        jdbc.update("UPDATE crossing_log SET driver_scan_id = 'x' WHERE pass_id = 'p-rpt-v'");
        // a visit of 24 hours by someone without an organisation: 6, 12.5 and 24 hours average 14.2
        long none = application("KC-RPT-2", null, null, null);
        log("p-rpt-g", none, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY.plusDays(1), 8, 0));
        log("p-rpt-g", none, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY.plusDays(2), 8, 0));
        // the first entry of p-rpt-b was the day before: its stay runs from the latest entry before the exit
        log("p-rpt-b", family, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(DAY.minusDays(1), 9, 0));
    }

    private long application(String reference, String organisation, String purpose, Instant submitted) {
        long applicant = accounts.create(Role.CIVILIAN).id();
        LocalDateTime now = LocalDateTime.of(2019, 3, 1, 0, 0);
        jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, organisation,"
                + " purpose, submitted_at, created_at, updated_at) VALUES (?, ?, 'SUBMITTED', '보고', ?, ?, ?, ?, ?)",
                reference, applicant, organisation, purpose, submitted == null ? null : utc(submitted), now, now);
        return jdbc.queryForObject("SELECT id FROM travel_application WHERE reference = ?", Long.class, reference);
    }

    private void log(String pass, long application, String direction, String gate, String result, String reason,
            Instant at) {
        jdbc.update("""
                INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, gate,
                  lane, operator_name, result, reason, is_override)
                VALUES (?, ?, ?, ?, ?, ?, ?, '1', '보고', ?, ?, FALSE)""",
                UUID.randomUUID().toString(), pass, application, utc(at), utc(at), direction, gate, result, reason);
    }

    private static Instant kst(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZoneOffset.ofHours(9)).toInstant();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void shouldCountTheDaysCrossingsByDirectionAtTheZoneGate() {
        List<DayCount> days = queries.crossingsPerDay(DAY.minusDays(1), DAY.plusDays(2));
        assertThat(days).containsExactly(new DayCount(DAY.minusDays(1), 1, 0), new DayCount(DAY, 3, 2),
                new DayCount(DAY.plusDays(1), 1, 0), new DayCount(DAY.plusDays(2), 0, 1));
    }

    @Test
    void shouldGiveTheSameFiguresFromTheDailySummaryAsFromTheLogAndTakeInALateScanOnTheNextRun() {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        LocalDate yesterday = today.minusDays(1);
        List<DayCount> fromLog = queries.crossingsPerDay(today.minusDays(20), today);
        crossingDays.update();
        crossingDays.update();
        assertThat(crossingDays.coverage()).singleElement()
                .satisfies(c -> assertThat(c.through()).isEqualTo(yesterday));
        assertThat(queries.crossingsPerDay(today.minusDays(20), today)).isEqualTo(fromLog);

        long application = application("KC-RPT-L", ORGANISATION, "PRESS", null);
        log("p-rpt-late", application, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(yesterday, 12, 0));
        long southYesterday = fromLog.get(19).southbound();
        assertThat(queries.crossingsPerDay(yesterday, yesterday).get(0).southbound()).isEqualTo(southYesterday);
        crossingDays.update();
        assertThat(queries.crossingsPerDay(yesterday, yesterday).get(0).southbound()).isEqualTo(southYesterday + 1);
    }

    @Test
    void shouldGiveTheSameMonthlyFiguresFromTheDailySummariesAsFromTheLogAndTakeInALateScanOnTheNextRun() {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        LocalDate first = today.minusDays(10);
        LocalDate yesterday = today.minusDays(1);
        jdbc.update("DELETE FROM crossing_day_coverage"); // from the log alone until the job runs
        Stay before = queries.stays(first, today);

        String summed = "요약테스트기관";
        long application = application("KC-RPT-S1", summed, "PRESS", null);
        // a visit of 30 hours that ended three days ago, and one of 2 hours that ended a minute ago
        log("p-rpt-s-a", application, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(today.minusDays(4), 9, 0));
        log("p-rpt-s-a", application, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(today.minusDays(3), 15, 0));
        Instant exit = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(60);
        log("p-rpt-s-b", application, "NORTHBOUND", "KAESONG", "ACCEPTED", null, exit.minus(Duration.ofHours(2)));
        log("p-rpt-s-b", application, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, exit);
        List<GroupCount> groups = queries.crossingsByGroup(first, today);
        List<GroupCount> closedDays = queries.crossingsByGroup(first, yesterday);
        Stay stays = queries.stays(first, today);
        Stay closedStays = queries.stays(first, yesterday);
        assertThat(groups).contains(new GroupCount(summed, "PRESS", 2, 2));
        assertThat(stays.visits()).isEqualTo(before.visits() + 2);

        crossingDays.update();
        assertThat(crossingDays.coverage()).singleElement()
                .satisfies(c -> assertThat(c.through()).isEqualTo(yesterday));
        assertThat(queries.crossingsByGroup(first, today)).isEqualTo(groups);
        assertThat(queries.crossingsByGroup(first, yesterday)).isEqualTo(closedDays);
        assertThat(queries.stays(first, today)).isEqualTo(stays);
        assertThat(queries.stays(first, yesterday)).isEqualTo(closedStays);

        // an offline scan uploaded late: the summed day takes it in on the job's next run
        log("p-rpt-s-c", application, "NORTHBOUND", "KAESONG", "ACCEPTED", null, kst(today.minusDays(2), 9, 0));
        log("p-rpt-s-c", application, "SOUTHBOUND", "KAESONG", "ACCEPTED", null, kst(yesterday, 9, 0));
        assertThat(queries.stays(first, yesterday)).isEqualTo(closedStays);
        crossingDays.update();
        assertThat(queries.stays(first, yesterday).visits()).isEqualTo(closedStays.visits() + 1);
        GroupCount closed = closedDays.stream().filter(g -> summed.equals(g.organisation())).findFirst().orElseThrow();
        assertThat(queries.crossingsByGroup(first, yesterday)).contains(new GroupCount(summed, "PRESS",
                closed.northbound() + 1, closed.southbound() + 1));
    }

    @Test
    void shouldCountRefusalsByReasonMostFirst() {
        assertThat(queries.refusals(DAY, DAY)).containsExactly(new ReasonCount("EXPIRED", 2),
                new ReasonCount("REVOKED", 1));
    }

    @Test
    void shouldFollowThePeopleInsideHourByHour() {
        List<HourInside> hours = queries.insideByHour(DAY, Instant.now());
        assertThat(hours).hasSize(24);
        long before = hours.get(8).inside();
        assertThat(hours.get(9).inside() - before).isEqualTo(2);
        assertThat(hours.get(10).inside() - before).isEqualTo(3);
        assertThat(hours.get(15).inside() - before).isEqualTo(2);
        assertThat(hours.get(23).inside() - before).isEqualTo(1);
    }

    @Test
    void shouldTakeTheMedianAndNinetiethPercentileOfTheWeeksReviewTimes() {
        Instant submitted = kst(DAY, 9, 0);
        for (int i = 0; i < 4; i++) {
            long id = application("KC-RPT-R" + i, ORGANISATION, "PRESS", submitted);
            jdbc.update("INSERT INTO application_status_change (application_id, from_status, to_status, changed_at)"
                    + " VALUES (?, 'SUBMITTED', ?, ?)", id, i == 3 ? "REJECTED" : "AWAITING_CONSENT",
                    utc(submitted.plus(Duration.ofHours(List.of(1, 2, 3, 10).get(i)))));
        }
        // 1, 2, 3 and 10 hours: nearest rank, the median is the 2nd and the 90th percentile the 4th
        assertThat(queries.reviewTimes(DAY, DAY)).containsExactly(
                new ReportQueries.WeekReview(LocalDate.of(2019, 3, 4), 4, 2.0, 10.0));
    }

    @Test
    void shouldTakeTheMedianConsentLagPerSlot() {
        long id = application("KC-RPT-C", ORGANISATION, "PRESS", null);
        long officer = accounts.create(Role.OFFICER).id();
        Instant sent = kst(DAY.minusDays(3), 9, 0);
        jdbc.update("INSERT INTO manifest_version (slot, version, created_at, created_by_id, created_by_name, content,"
                + " sent_at) VALUES ('N-2019-03-05-0830', 1, ?, ?, '보고', '-', ?)", utc(sent), officer, utc(sent));
        int i = 0;
        for (int hours : List.of(2, 9, 4)) {
            long app = i++ == 0 ? id : application("KC-RPT-C" + i, ORGANISATION, "PRESS", null);
            jdbc.update("INSERT INTO slot_consent (slot, application_id, counterpart_reference, recorded_at,"
                    + " recorded_by_id, recorded_by_name) VALUES ('N-2019-03-05-0830', ?, 'N-1', ?, ?, '보고')",
                    app, utc(sent.plus(Duration.ofHours(hours))), officer);
        }
        assertThat(queries.consentLag(DAY.minusDays(3), DAY)).containsExactly(
                new ReportQueries.SlotLag("N-2019-03-05-0830", 3, 4.0));
    }

    @Test
    void shouldRateTheSlotsFillOfTheDay() {
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap, people_booked)"
                + " VALUES ('NORTHBOUND', ?, TIME '08:30:00', 40, 20, 10),"
                + " ('NORTHBOUND', ?, TIME '10:00:00', 40, 20, 30),"
                + " ('SOUTHBOUND', ?, TIME '16:00:00', 40, 20, 10)", DAY, DAY, DAY);
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap, people_booked,"
                + " cancelled) VALUES ('SOUTHBOUND', ?, TIME '17:30:00', 40, 20, 0, TRUE)", DAY);
        assertThat(queries.slotFill(DAY, DAY)).singleElement().satisfies(f -> {
            assertThat(f.northPercent()).isEqualTo(50);
            assertThat(f.southPercent()).isEqualTo(25);
        });
    }

    @Test
    void shouldReportTheMonthByOrganisationPurposeAndDirectionWithOverridesAndStays() {
        MonthlyReport report = MonthlyReport.of(queries, java.time.YearMonth.of(2019, 3));
        assertThat(report.groups()).contains(new GroupCount(ORGANISATION, "FAMILY", 4, 2),
                new GroupCount(null, null, 1, 1));
        assertThat(report.refusals()).containsExactly(new ReasonCount("EXPIRED", 2), new ReasonCount("REVOKED", 1));
        assertThat(report.overrides().northbound()).isEqualTo(1);
        // p-rpt-a 6 h, p-rpt-b 12.5 h (from its latest entry), p-rpt-g 24 h
        assertThat(report.stay().visits()).isEqualTo(3);
        assertThat(report.stay().averageHours()).isEqualTo(14.2);
    }

    @Test
    void shouldShowTheChartsWithTheirTablesInKoreanAndEnglish() throws Exception {
        String ko = mvc.perform(get("/reports").with(Staff.as(Role.OFFICER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ko).contains("일별 통행 인원", "role=\"img\"", "<caption>", "scope=\"row\"",
                "id=\"report-charts\"", "\"출경\"", "/vendor/chartjs/chart.umd.min.js");
        for (String chart : List.of("crossings", "fill", "reviews", "inside")) {
            assertThat(ko).as("the %s chart with its table beside it", chart).containsPattern("data-chart=\"" + chart
                    + "\"[^\\n]*</canvas></div>\\s*<div class=\"kc-report-table\"[^>]*>\\s*<table id=\"report-"
                    + chart + "-table\"");
        }
        String en = mvc.perform(get("/reports?lang=en").with(Staff.as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Crossings per day", "\"Northbound (towards Kaesong)\"",
                "People inside the zone by hour");
    }

    @Test
    void shouldSayWhenTheChosenDayIsOutOfRangeOrNotADay() throws Exception {
        for (String day : List.of("2019-03-05", "yesterday", "9999-99-99", "2026-12-01T00:00:00000000")) {
            String html = mvc.perform(get("/reports").param("day", day).with(Staff.as(Role.ADMIN)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("날짜를 고르십시오");
        }
    }

    @Test
    void shouldExportTheMonthAsCsvWithBomAndHangul() throws Exception {
        byte[] csv = mvc.perform(get("/reports/monthly.csv?month=2019-03").with(Staff.as(Role.OFFICER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"monthly-report-2019-03.csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("\"구분\",\"기관\",\"방문 목적\",\"항목\",\"출경\",\"입경\",\"값\"");
        assertThat(lines).contains("\"기관·목적·방향별 통행 인원\",\"" + ORGANISATION + "\",\"가족 방문\",\"\",\"4\",\"2\",\"\"",
                "\"거부 사유별 건수\",\"\",\"\",\"유효기간 만료\",\"\",\"\",\"2\"",
                "\"감독관 허가 통과\",\"\",\"\",\"\",\"1\",\"0\",\"\"",
                "\"평균 체류 시간\",\"\",\"\",\"평균 체류 시간(시간)\",\"\",\"\",\"14.2\"");
    }

    @Test
    void shouldPrintTheMonthAsAPdfInKoreanAndInEnglish() throws Exception {
        byte[] ko = mvc.perform(get("/reports/monthly.pdf?month=2019-03").with(Staff.as(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(ko, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(ko)).contains("2019-03 월간 통행 보고서", ORGANISATION, "가족 방문", "유효기간 만료", "14.2시간");
        byte[] en = mvc.perform(get("/reports/monthly.pdf?month=2019-03&lang=en").with(Staff.as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(en)).contains("Monthly crossing report, 2019-03", "Family visit", "Average stay");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void shouldSayPlainlyWhenNoVisitEndedInTheMonth() throws Exception {
        for (String lang : List.of("en", "ko")) {
            String html = mvc.perform(get("/reports/monthly").param("month", "2019-01").param("lang", lang)
                    .with(Staff.as(Role.OFFICER))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains(lang.equals("en") ? "No visit ended this month." : "이달에 끝난 방문이 없습니다.")
                    .doesNotContain("on average 0 hours", "평균 0시간");
        }
    }

    @Test
    void shouldSayWhatIsWrongWithABadMonthAndNeverFail() throws Exception {
        for (String month : List.of("2019-13", "abc", "2019-3", "3019-01", "1999-12", "x".repeat(5000), "'; --",
                "__${7*7}__", "%s%n{}")) {
            String html = mvc.perform(get("/reports/monthly").param("month", month).with(Staff.as(Role.OFFICER)))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("보고서 월을 2026-11처럼");
            mvc.perform(get("/reports/monthly.pdf").param("month", month).with(Staff.as(Role.OFFICER)))
                    .andExpect(status().isSeeOther());
            mvc.perform(get("/reports/monthly.csv").param("month", month).with(Staff.as(Role.OFFICER)))
                    .andExpect(status().isSeeOther());
        }
    }
}
