package kr.kaesongcrossing.checkpoint.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import kr.kaesongcrossing.checkpoint.scan.ScanReason;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is inside the office zone now, by the crossing log; passes no longer valid first, then overstays. */
@Service
class Roster {

    /**
     * A person inside. {@code alert} when the pass is no longer valid (revoked, or expired): they are let out,
     * then reported. {@code overstay} when now is past the pass's end or past the end (KST) of the trip's planned
     * return day.
     */
    record Inside(String passId, String holderNameKorean, String holderNameLatin, Instant since, String lane,
            LocalDate plannedReturn, Instant validUntil, String reference, boolean overstay, ScanReason alert) {

        public String sinceText() {
            return OfficeTime.minutes(since);
        }

        public String validUntilText() {
            return OfficeTime.lastValidMinute(validUntil);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Roster(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Inside> inside() {
        Instant now = clock.instant();
        return jdbc.query("""
                SELECT p.pass_id, p.holder_name_korean, p.holder_name_latin, p.since, p.lane, p.valid_until,
                       p.revoked, t.return_date, t.reference
                FROM pass_presence p LEFT JOIN checkpoint_trip t ON t.application_id = p.application_id
                WHERE p.inside = TRUE ORDER BY p.since""", (rs, n) -> {
                    LocalDateTime validUntil = rs.getObject("valid_until", LocalDateTime.class);
                    LocalDate plannedReturn = rs.getObject("return_date", LocalDate.class);
                    Instant end = validUntil == null ? null : validUntil.toInstant(ZoneOffset.UTC);
                    boolean expired = end != null && !now.isBefore(end);
                    boolean overstay = expired || (plannedReturn != null
                            && !now.isBefore(OfficeTime.endOfDay(plannedReturn)));
                    ScanReason alert = rs.getBoolean("revoked") ? ScanReason.REVOKED
                            : expired ? ScanReason.EXPIRED : null;
                    return new Inside(rs.getString("pass_id"), rs.getString("holder_name_korean"),
                            rs.getString("holder_name_latin"),
                            rs.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("lane"),
                            plannedReturn, end, rs.getString("reference"), overstay, alert);
                }).stream()
                .sorted(Comparator.comparing((Inside i) -> i.alert() == null).thenComparing(i -> !i.overstay()))
                .toList();
    }
}
