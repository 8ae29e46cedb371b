package kr.kaesongcrossing.checkpoint.log;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.ScanDecision;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The crossing log's filter as typed in the form: dates are KST calendar days (both ends included), the name
 * matches the start of the Korean or the Latin name. Unset dates mean the last seven days. Dates and order follow
 * the time the server received each scan unless {@code time} is SCANNED: a device's late upload of offline scans
 * then shows at the top, never hidden in the past.
 */
record LogFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Gate gate, Direction direction,
        ScanDecision.Result result, ScanReason reason, ScanReason alert, Time time, String name, Integer page) {

    /** Which time of a scan the dates and the order use. */
    enum Time {
        RECEIVED("recorded_at"), SCANNED("scanned_at");

        final String column;

        Time(String column) {
            this.column = column;
        }
    }

    static final int DEFAULT_DAYS = 7;
    static final int MAX_NAME = 100;

    /** The same filter with defaults filled in for {@code today} (KST). */
    LogFilter normalised(LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        String cleaned = name == null ? "" : name.strip().replaceAll("[%_\\\\]", "");
        if (cleaned.length() > MAX_NAME) {
            cleaned = cleaned.substring(0, MAX_NAME);
        }
        return new LogFilter(start, end, gate, direction, result, reason, alert, time == null ? Time.RECEIVED : time,
                cleaned, page == null || page < 0 ? 0 : page);
    }

    /** The WHERE clause and its parameters; the filter must be normalised. */
    Where where() {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(time.column + " >= ? AND " + time.column + " < ?");
        params.add(utc(from));
        params.add(utc(to.plusDays(1)));
        if (gate != null) {
            sql.append(" AND gate = ?");
            params.add(gate.name());
        }
        if (direction != null) {
            sql.append(" AND direction = ?");
            params.add(direction.name());
        }
        if (result != null) {
            sql.append(" AND result = ?");
            params.add(result.name());
        }
        if (reason != null) {
            sql.append(" AND reason = ?");
            params.add(reason.name());
        }
        if (alert != null) {
            sql.append(" AND alert = ?");
            params.add(alert.name());
        }
        if (!name.isEmpty()) {
            sql.append(" AND (holder_name_korean LIKE ? OR holder_name_latin LIKE ?)");
            params.add(name + "%");
            params.add(name + "%");
        }
        return new Where(sql.toString(), params);
    }

    record Where(String sql, List<Object> params) {
    }

    /** Start of a KST day as the UTC wall time the database stores. */
    private static LocalDateTime utc(LocalDate kstDay) {
        return LocalDateTime.ofInstant(OfficeTime.startOfDay(kstDay), ZoneOffset.UTC);
    }
}
