package kr.kaesongcrossing.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.system.OfficeTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code crossing_day} (and beside it the monthly report's {@code crossing_day_group} and {@code visit_day},
 * V79): every ten minutes (one instance at a time, ShedLock) it recomputes from the log the
 * days from a week before the last one it covered through yesterday (a year back on its first run). The week again
 * takes in offline scans uploaded late with an earlier scan time. Recomputing is a delete and insert of a week at a
 * time, each in one transaction with the coverage it extends, so a run repeated or cut off leaves the same figures.
 */
@Component
public class CrossingDays {

    static final String JOB = "report-crossing-days";
    private static final int FIRST_RUN_DAYS = 400;
    private static final int AGAIN_DAYS = 7;
    private static final int CHUNK_DAYS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CrossingDays(NamedParameterJdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${kc.reports.crossing-days-cron:0 */10 * * * *}", zone = "Asia/Seoul")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        update();
    }

    /**
     * Recomputes the days up to yesterday (KST), a week per transaction, each week's coverage recorded with it: every
     * statement stays well within the connection's socket timeout (5 s), also on a first run's 400 days of a million
     * log rows. Returns the first day recomputed.
     */
    public LocalDate update() {
        LocalDate yesterday = OfficeTime.today(clock).minusDays(1);
        List<Coverage> coverage = coverage();
        LocalDate from = coverage.isEmpty() ? yesterday.minusDays(FIRST_RUN_DAYS)
                : coverage.get(0).through().minusDays(AGAIN_DAYS);
        for (LocalDate first = from; !first.isAfter(yesterday); first = first.plusDays(CHUNK_DAYS)) {
            LocalDate last = first.plusDays(CHUNK_DAYS - 1).isAfter(yesterday) ? yesterday
                    : first.plusDays(CHUNK_DAYS - 1);
            boolean start = coverage.isEmpty() && first.equals(from);
            LocalDate chunk = first;
            transactions.executeWithoutResult(status -> recompute(from, chunk, last, start));
        }
        return from;
    }

    /** Recomputes {@code first} to {@code last} and extends the coverage (from {@code from}) through {@code last}. */
    private void recompute(LocalDate from, LocalDate first, LocalDate last, boolean start) {
        Map<String, Object> range = Map.of("covered", from, "from", first, "through", last,
                "start", LocalDateTime.ofInstant(OfficeTime.startOfDay(first), ZoneOffset.UTC),
                "end", LocalDateTime.ofInstant(OfficeTime.endOfDay(last), ZoneOffset.UTC));
        jdbc.update("DELETE FROM crossing_day WHERE day BETWEEN :from AND :through", range);
        jdbc.update("DELETE FROM crossing_day_group WHERE day BETWEEN :from AND :through", range);
        jdbc.update("DELETE FROM visit_day WHERE day BETWEEN :from AND :through", range);
        jdbc.update("INSERT INTO crossing_day (day, direction, crossings) SELECT " + ReportQueries.KST_DAY
                + ", direction, COUNT(*) FROM crossing_log WHERE " + ReportQueries.CROSSING
                + " AND scanned_at >= :start AND scanned_at < :end GROUP BY " + ReportQueries.KST_DAY + ", direction",
                range);
        String groupDay = "CAST(TIMESTAMPADD(HOUR, 9, l.scanned_at) AS DATE)";
        jdbc.update("INSERT INTO crossing_day_group (day, organisation, purpose, northbound, southbound) "
                + "SELECT " + groupDay + ", a.organisation, a.purpose,"
                + ReportQueries.GROUPS_COUNTS + ReportQueries.GROUPS_FROM
                + " AND l.scanned_at >= :start AND l.scanned_at < :end"
                + " GROUP BY " + groupDay + ", a.organisation, a.purpose", range);
        String exitDay = "CAST(TIMESTAMPADD(HOUR, 9, exit_at) AS DATE)";
        jdbc.update("INSERT INTO visit_day (day, visits, stay_seconds) SELECT " + exitDay + ", COUNT(*),"
                + " SUM(TIMESTAMPDIFF(SECOND, entry_at, exit_at)) FROM (" + ReportQueries.visits(":start", ":end")
                + ") v WHERE entry_at IS NOT NULL GROUP BY " + exitDay, range);
        if (start) {
            jdbc.update("INSERT INTO crossing_day_coverage (id, covered_from, covered_through)"
                    + " VALUES (1, :covered, :through)", range);
        } else {
            // a week recomputed again inside the coverage leaves it as it was
            jdbc.update("UPDATE crossing_day_coverage SET covered_through = :through WHERE id = 1"
                    + " AND covered_through < :through", range);
        }
    }

    record Coverage(LocalDate from, LocalDate through) {
    }

    /** The days the summary holds (none before the first run). */
    List<Coverage> coverage() {
        return jdbc.query("SELECT covered_from, covered_through FROM crossing_day_coverage WHERE id = 1", Map.of(),
                (rs, i) -> new Coverage(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)));
    }
}
