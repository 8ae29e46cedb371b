package kr.kaesongcrossing.checkpoint.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.checkpoint.scan.ScanDecision;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the crossing log for the log page and its CSV export. */
@Service
class CrossingLog {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_CHUNK = 5000;

    private static final String COLUMNS = "id, scan_id, pass_id, scanned_at, recorded_at, gate, direction, lane, "
            + "operator_name, result, reason, alert, detail, is_override, override_reason, supervisor_name, "
            + "holder_name_korean, holder_name_latin";

    /** A log row as the page and the CSV show it. */
    record Row(long id, String scanId, String passId, Instant scannedAt, Instant receivedAt, Gate gate,
            Direction direction,
            String lane, String operatorName, ScanDecision.Result result, ScanReason reason, ScanReason alert,
            String detail, boolean override, String overrideReason, String supervisorName, String holderNameKorean,
            String holderNameLatin) {

        public String receivedText() {
            return OfficeTime.seconds(receivedAt);
        }

        /** When a device scanned offline (it sent the scan later), or empty for a scan answered at once. */
        public String scannedOfflineText() {
            return scannedAt.equals(receivedAt) ? "" : OfficeTime.seconds(scannedAt);
        }

        public boolean accepted() {
            return result == ScanDecision.Result.ACCEPTED;
        }
    }

    /** One page of rows, newest first, and whether there is a next one. */
    record Page(List<Row> rows, int number, boolean hasNext) {
    }

    private static final RowMapper<Row> ROW = CrossingLog::row;

    private final JdbcTemplate jdbc;

    CrossingLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Page page(LogFilter filter) {
        LogFilter.Where where = filter.where();
        List<Object> params = new ArrayList<>(where.params());
        params.add(PAGE_SIZE + 1);
        params.add(filter.page() * PAGE_SIZE);
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM crossing_log WHERE " + where.sql()
                + " ORDER BY " + filter.time().column + " DESC, id DESC LIMIT ? OFFSET ?", ROW, params.toArray());
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, filter.page(), hasNext);
    }

    /** Every row the filter selects, newest first, fetched in chunks (keyset) so memory stays flat. */
    @Transactional(readOnly = true)
    void export(LogFilter filter, Consumer<Row> sink) {
        LogFilter.Where where = filter.where();
        String column = filter.time().column;
        Row last = null;
        while (true) {
            List<Object> params = new ArrayList<>(where.params());
            String keyset = "";
            if (last != null) {
                keyset = " AND (" + column + " < ? OR (" + column + " = ? AND id < ?))";
                LocalDateTime at = LocalDateTime.ofInstant(filter.time() == LogFilter.Time.SCANNED ? last.scannedAt()
                        : last.receivedAt(), ZoneOffset.UTC);
                params.add(at);
                params.add(at);
                params.add(last.id());
            }
            params.add(EXPORT_CHUNK);
            List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM crossing_log WHERE " + where.sql() + keyset
                    + " ORDER BY " + column + " DESC, id DESC LIMIT ?", ROW, params.toArray());
            rows.forEach(sink);
            if (rows.size() < EXPORT_CHUNK) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reason");
        String alert = rs.getString("alert");
        return new Row(rs.getLong("id"), rs.getString("scan_id"), rs.getString("pass_id"),
                rs.getObject("scanned_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                Gate.valueOf(rs.getString("gate")), Direction.valueOf(rs.getString("direction")),
                rs.getString("lane"), rs.getString("operator_name"),
                ScanDecision.Result.valueOf(rs.getString("result")), reason == null ? null : ScanReason.valueOf(reason),
                alert == null ? null : ScanReason.valueOf(alert), rs.getString("detail"), rs.getBoolean("is_override"),
                rs.getString("override_reason"), rs.getString("supervisor_name"), rs.getString("holder_name_korean"),
                rs.getString("holder_name_latin"));
    }
}
