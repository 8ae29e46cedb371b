package kr.kaesongcrossing.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administrator's home page shows of the trail without walking the chain: the latest event of an action
 * (the last verification, the last retention run) and the latest anchor, each one row by an index.
 */
@Component
public class AuditFigures {

    /** The latest event of an action: when, whether it succeeded, and its detail (e.g. "result=ok checked=12"). */
    public record Latest(Instant at, String outcome, String detail) {

        public String atText() {
            return OfficeTime.minutes(at);
        }

        /** A verification that found the chain whole records "result=ok ...". */
        public boolean ok() {
            return detail != null && detail.startsWith("result=ok");
        }
    }

    private final JdbcTemplate jdbc;

    AuditFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Latest> latest(String action) {
        return jdbc.query("SELECT occurred_at, outcome, detail FROM audit_event WHERE action = ? "
                + "ORDER BY occurred_at DESC, id DESC LIMIT 1", (rs, n) -> new Latest(
                        rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("outcome"), rs.getString("detail")), action).stream().findFirst();
    }

    /** When the chain's head was last anchored. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastAnchor() {
        return jdbc.query("SELECT anchored_at FROM audit_anchor ORDER BY anchored_at DESC LIMIT 1",
                (rs, n) -> rs.getObject("anchored_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)).stream()
                .findFirst();
    }
}
