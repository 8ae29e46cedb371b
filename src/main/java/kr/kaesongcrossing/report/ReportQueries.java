package kr.kaesongcrossing.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' figures, read with plain SQL from the tables of the checkpoint (crossing_log, pass_presence), the
 * schedule (slot) and the applications (travel_application, application_status_change, slot_consent,
 * manifest_version). A crossing is an accepted scan at the zone gate (KAESONG): northbound into the zone, southbound
 * out of it; vehicle rows (with a driver's scan) are left out, their drivers are counted. Days and hours are KST
 * (UTC+9, no daylight saving, so the SQL adds nine hours); instants go to the database as UTC date-times.
 */
@Component
@Transactional(readOnly = true)
public class ReportQueries {

    static final String KST_DAY = "CAST(TIMESTAMPADD(HOUR, 9, scanned_at) AS DATE)";
    static final String CROSSING = "result = 'ACCEPTED' AND gate = 'KAESONG' AND driver_scan_id IS NULL";
    /** The officer's decisions on a submitted application. */
    private static final List<String> DECISIONS = List.of("AWAITING_CONSENT", "APPROVED_FOR_TRAVEL", "REJECTED");

    private final NamedParameterJdbcTemplate jdbc;
    private final CrossingDays summary;

    ReportQueries(NamedParameterJdbcTemplate jdbc, CrossingDays summary) {
        this.jdbc = jdbc;
        this.summary = summary;
    }

    public record DayCount(LocalDate day, long northbound, long southbound) {
    }

    public record SlotFill(LocalDate day, long northBooked, long northCap, long southBooked, long southCap) {

        public long northPercent() {
            return percent(northBooked, northCap);
        }

        public long southPercent() {
            return percent(southBooked, southCap);
        }

        private static long percent(long booked, long cap) {
            return cap == 0 ? 0 : Math.round(100.0 * booked / cap);
        }
    }

    public record ReasonCount(String reason, long count) {
    }

    /** Review time of the decisions of the week starting {@code monday}, in hours (nearest-rank percentiles). */
    public record WeekReview(LocalDate monday, int decisions, double medianHours, double p90Hours) {
    }

    /** How long after the slot's manifest was first sent its consents came (median, in hours). */
    public record SlotLag(String slot, int consents, double medianHours) {
    }

    /** People inside the zone at the end of {@code hour} (KST) of a day. */
    public record HourInside(int hour, long inside) {

        public String hourText() {
            return String.format("%02d", hour);
        }
    }

    public record GroupCount(String organisation, String purpose, long northbound, long southbound) {
    }

    public record Stay(long visits, double averageHours) {
    }

    /** Accepted crossings per day, {@code from} to {@code to} inclusive, days without any included. */
    public List<DayCount> crossingsPerDay(LocalDate from, LocalDate to) {
        return counts(from, to).entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * Northbound and southbound crossings of each day: the days the summary covers from {@code crossing_day}, the
     * others (today, or all before the job's first run) counted in the log.
     */
    private Map<LocalDate, long[]> counts(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        Split split = split(from, to);
        if (split.covered() != null) {
            jdbc.query("SELECT day, direction, crossings FROM crossing_day WHERE day BETWEEN :first AND :last",
                    split.covered().params(""), rs -> {
                        add(days, rs.getObject("day", LocalDate.class), rs.getString("direction"),
                                rs.getLong("crossings"));
                    });
        }
        for (Days range : split.live()) {
            jdbc.query("SELECT " + KST_DAY + " AS d, direction, COUNT(*) AS n FROM crossing_log WHERE " + CROSSING
                    + " AND scanned_at >= :from AND scanned_at < :to GROUP BY " + KST_DAY + ", direction",
                    range.params(""), rs -> {
                        add(days, rs.getObject("d", LocalDate.class), rs.getString("direction"), rs.getLong("n"));
                    });
        }
        return days;
    }

    /** Days {@code first} to {@code last} (KST) inclusive. */
    record Days(LocalDate first, LocalDate last) {

        /** The days and the instants they run between, as UTC date-times, named with {@code suffix}. */
        MapSqlParameterSource params(String suffix) {
            return addTo(new MapSqlParameterSource(), suffix);
        }

        MapSqlParameterSource addTo(MapSqlParameterSource params, String suffix) {
            return params.addValue("first" + suffix, first).addValue("last" + suffix, last)
                    .addValue("from" + suffix, utc(OfficeTime.startOfDay(first)))
                    .addValue("to" + suffix, utc(OfficeTime.endOfDay(last)));
        }
    }

    /** Of a range of days, those the summary tables hold ({@code covered}, or null) and the others. */
    private record Split(Days covered, List<Days> live) {
    }

    private Split split(LocalDate from, LocalDate to) {
        List<CrossingDays.Coverage> coverage = summary.coverage();
        LocalDate coveredFrom = coverage.isEmpty() ? null : max(from, coverage.get(0).from());
        LocalDate coveredTo = coverage.isEmpty() ? null : min(to, coverage.get(0).through());
        if (coveredFrom == null || coveredFrom.isAfter(coveredTo)) {
            return new Split(null, from.isAfter(to) ? List.of() : List.of(new Days(from, to)));
        }
        List<Days> live = new ArrayList<>();
        if (from.isBefore(coveredFrom)) {
            live.add(new Days(from, coveredFrom.minusDays(1)));
        }
        if (coveredTo.isBefore(to)) {
            live.add(new Days(coveredTo.plusDays(1), to));
        }
        return new Split(new Days(coveredFrom, coveredTo), live);
    }

    private static void add(Map<LocalDate, long[]> days, LocalDate day, String direction, long count) {
        long[] counts = days.get(day);
        if (counts != null) {
            counts["NORTHBOUND".equals(direction) ? 0 : 1] += count;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** People booked against the caps of the slots that run, per day. */
    public List<SlotFill> slotFill(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.query("SELECT slot_date, direction, SUM(people_booked) AS booked, SUM(people_cap) AS cap FROM slot"
                + " WHERE cancelled = FALSE AND slot_date BETWEEN :from AND :to GROUP BY slot_date, direction",
                Map.of("from", from, "to", to), rs -> {
                    long[] v = days.computeIfAbsent(rs.getObject("slot_date", LocalDate.class), d -> new long[4]);
                    int at = "NORTHBOUND".equals(rs.getString("direction")) ? 0 : 2;
                    v[at] += rs.getLong("booked");
                    v[at + 1] += rs.getLong("cap");
                });
        return days.entrySet().stream()
                .map(e -> new SlotFill(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    /** Refused scans by reason, most first, at any gate from {@code from} to {@code to} inclusive. */
    public List<ReasonCount> refusals(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT reason, COUNT(*) AS n FROM crossing_log WHERE result = 'REJECTED'"
                + " AND reason IS NOT NULL AND scanned_at >= :from AND scanned_at < :to"
                + " GROUP BY reason ORDER BY n DESC, reason",
                Map.of("from", utc(OfficeTime.startOfDay(from)), "to", utc(OfficeTime.endOfDay(to))),
                (rs, i) -> new ReasonCount(rs.getString("reason"), rs.getLong("n")));
    }

    /** Submitted to decision, per week (Monday to Sunday, KST) of the decision, for the weeks from {@code from}. */
    public List<WeekReview> reviewTimes(LocalDate from, LocalDate to) {
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, List<Duration>> weeks = new TreeMap<>();
        for (LocalDate w = firstMonday; !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, new ArrayList<>());
        }
        jdbc.query("SELECT a.submitted_at, c.changed_at FROM application_status_change c"
                + " JOIN travel_application a ON a.id = c.application_id"
                + " WHERE c.to_status IN (:decisions) AND c.changed_at >= :from AND c.changed_at < :to"
                + " AND c.from_status = 'SUBMITTED' AND a.submitted_at IS NOT NULL",
                Map.of("decisions", DECISIONS, "from", utc(OfficeTime.startOfDay(firstMonday)),
                        "to", utc(OfficeTime.endOfDay(to))), rs -> {
                    Instant submitted = instant(rs.getObject("submitted_at", LocalDateTime.class));
                    Instant decided = instant(rs.getObject("changed_at", LocalDateTime.class));
                    List<Duration> week = weeks.get(
                            OfficeTime.dateOf(decided).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
                    if (week != null && !decided.isBefore(submitted)) {
                        week.add(Duration.between(submitted, decided));
                    }
                });
        return weeks.entrySet().stream().map(e -> new WeekReview(e.getKey(), e.getValue().size(),
                hours(percentile(e.getValue(), 0.5)), hours(percentile(e.getValue(), 0.9)))).toList();
    }

    /** The slots whose consents were recorded from {@code from} to {@code to}, with the median lag of each. */
    public List<SlotLag> consentLag(LocalDate from, LocalDate to) {
        Map<String, List<Duration>> slots = new TreeMap<>();
        jdbc.query("SELECT c.slot, c.recorded_at, (SELECT MIN(m.sent_at) FROM manifest_version m"
                + " WHERE m.slot = c.slot AND m.sent_at IS NOT NULL) AS sent_at FROM slot_consent c"
                + " WHERE c.recorded_at >= :from AND c.recorded_at < :to",
                Map.of("from", utc(OfficeTime.startOfDay(from)), "to", utc(OfficeTime.endOfDay(to))), rs -> {
                    LocalDateTime sent = rs.getObject("sent_at", LocalDateTime.class);
                    Instant recorded = instant(rs.getObject("recorded_at", LocalDateTime.class));
                    if (sent != null && !recorded.isBefore(instant(sent))) {
                        slots.computeIfAbsent(rs.getString("slot"), s -> new ArrayList<>())
                                .add(Duration.between(instant(sent), recorded));
                    }
                });
        return slots.entrySet().stream()
                .map(e -> new SlotLag(e.getKey(), e.getValue().size(), hours(percentile(e.getValue(), 0.5))))
                .toList();
    }

    /**
     * People inside at the end of each hour of {@code day}: those inside now (the roster) less the net crossings
     * since, so the query reads the log from that day on rather than all of it.
     */
    public List<HourInside> insideByHour(LocalDate day, Instant now) {
        long insideNow = jdbc.queryForObject("SELECT COUNT(*) FROM pass_presence WHERE position = 'INSIDE'"
                + " AND vehicle = FALSE", Map.of(), Long.class);
        long[] netOfHour = new long[24];
        jdbc.query("SELECT HOUR(TIMESTAMPADD(HOUR, 9, scanned_at)) AS h, direction, COUNT(*) AS n FROM crossing_log"
                + " WHERE " + CROSSING + " AND scanned_at >= :from AND scanned_at < :to"
                + " GROUP BY HOUR(TIMESTAMPADD(HOUR, 9, scanned_at)), direction",
                Map.of("from", utc(OfficeTime.startOfDay(day)), "to", utc(OfficeTime.endOfDay(day))), rs -> {
                    netOfHour[rs.getInt("h")] += ("NORTHBOUND".equals(rs.getString("direction")) ? 1 : -1)
                            * rs.getLong("n");
                });
        LocalDate today = OfficeTime.dateOf(now);
        long inside = insideNow;
        if (day.isBefore(today)) {
            for (long[] counts : counts(day.plusDays(1), today).values()) {
                inside -= counts[0] - counts[1];
            }
        }
        List<HourInside> hours = new ArrayList<>();
        for (int h = 23; h >= 0; h--) {
            hours.add(new HourInside(h, inside));
            inside -= netOfHour[h];
        }
        Collections.reverse(hours);
        return hours;
    }

    /**
     * The month's crossings by the applications' organisation and purpose, and direction: the summed days from
     * {@code crossing_day_group}, the others from the log, added up (and ordered) by the database.
     */
    public List<GroupCount> crossingsByGroup(LocalDate first, LocalDate last) {
        Split split = split(first, last);
        List<String> parts = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (split.covered() != null) {
            parts.add("SELECT organisation, purpose, northbound AS north, southbound AS south FROM crossing_day_group"
                    + " WHERE day BETWEEN :first AND :last");
            split.covered().addTo(params, "");
        }
        for (int i = 0; i < split.live().size(); i++) {
            parts.add("SELECT a.organisation, a.purpose," + GROUPS_COUNTS + GROUPS_FROM + " AND l.scanned_at >= :from" + i
                    + " AND l.scanned_at < :to" + i + " GROUP BY a.organisation, a.purpose");
            split.live().get(i).addTo(params, Integer.toString(i));
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT organisation, purpose, SUM(north) AS north, SUM(south) AS south FROM ("
                + String.join(" UNION ALL ", parts) + ") g GROUP BY organisation, purpose"
                + " ORDER BY organisation, purpose", params,
                (rs, i) -> new GroupCount(rs.getString("organisation"), rs.getString("purpose"), rs.getLong("north"),
                        rs.getLong("south")));
    }

    /** The crossings by organisation ({@code a}) and purpose, from the log ({@code l}); a range of it to add. */
    static final String GROUPS_COUNTS = " SUM(CASE WHEN l.direction = 'NORTHBOUND' THEN 1 ELSE 0 END) AS north,"
            + " SUM(CASE WHEN l.direction = 'SOUTHBOUND' THEN 1 ELSE 0 END) AS south";
    static final String GROUPS_FROM = " FROM crossing_log l LEFT JOIN travel_application a ON a.id = l.application_id"
            + " WHERE l.result = 'ACCEPTED' AND l.gate = 'KAESONG' AND l.driver_scan_id IS NULL";

    /** Overridden refusals (a supervisor let the holder through) by direction, at any gate. */
    public DayCount overrides(LocalDate first, LocalDate last) {
        long[] counts = new long[2];
        jdbc.query("SELECT direction, COUNT(*) AS n FROM crossing_log WHERE is_override = TRUE"
                + " AND scanned_at >= :from AND scanned_at < :to GROUP BY direction",
                Map.of("from", utc(OfficeTime.startOfDay(first)), "to", utc(OfficeTime.endOfDay(last))), rs -> {
                    counts["NORTHBOUND".equals(rs.getString("direction")) ? 0 : 1] += rs.getLong("n");
                });
        return new DayCount(first, counts[0], counts[1]);
    }

    /**
     * The visits that ended in the period (southbound at the zone gate), each from its last entry before: the summed
     * days from {@code visit_day}, the others from the log.
     */
    public Stay stays(LocalDate first, LocalDate last) {
        Split split = split(first, last);
        long visits = 0;
        long seconds = 0;
        if (split.covered() != null) {
            Map<String, Object> sums = jdbc.queryForMap("SELECT SUM(visits) AS visits, SUM(stay_seconds) AS seconds"
                    + " FROM visit_day WHERE day BETWEEN :first AND :last", split.covered().params(""));
            visits += number(sums.get("visits"));
            seconds += number(sums.get("seconds"));
        }
        for (Days range : split.live()) {
            Map<String, Object> sums = jdbc.queryForMap("SELECT COUNT(*) AS visits, SUM(TIMESTAMPDIFF(SECOND,"
                    + " entry_at, exit_at)) AS seconds FROM (" + visits(":from", ":to") + ") v"
                    + " WHERE entry_at IS NOT NULL", range.params(""));
            visits += number(sums.get("visits"));
            seconds += number(sums.get("seconds"));
        }
        return new Stay(visits, visits == 0 ? 0 : round1(seconds / 3600.0 / visits));
    }

    /**
     * The visits that ended between the parameters {@code from} and {@code to}: each exit's time and its latest entry
     * before (null for none; such an exit is not counted). Scan times are whole seconds.
     */
    static String visits(String from, String to) {
        return "SELECT s.scanned_at AS exit_at, (SELECT MAX(n.scanned_at) FROM crossing_log n"
            + " WHERE n.pass_id = s.pass_id AND n.direction = 'NORTHBOUND' AND n.result = 'ACCEPTED'"
            + " AND n.gate = 'KAESONG' AND n.scanned_at < s.scanned_at) AS entry_at FROM crossing_log s"
            + " WHERE s.result = 'ACCEPTED' AND s.gate = 'KAESONG' AND s.driver_scan_id IS NULL"
            + " AND s.direction = 'SOUTHBOUND' AND s.pass_id IS NOT NULL"
            + " AND s.scanned_at >= " + from + " AND s.scanned_at < " + to;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of them at or below it. */
    static Duration percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double hours(Duration d) {
        return round1(d.toSeconds() / 3600.0);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
