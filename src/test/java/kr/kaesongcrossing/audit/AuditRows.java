package kr.kaesongcrossing.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit events about one subject, oldest first, as tests of other modules check them. */
public final class AuditRows {

    /** One event's who, what and outcome. */
    public record Row(long id, String actorKind, String actorId, String actorRole, String action, String outcome,
            String clientAddress, String detail) {
    }

    private AuditRows() {
    }

    public static List<Row> about(JdbcTemplate jdbc, String subjectType, Object subjectId) {
        return jdbc.query("SELECT id, actor_kind, actor_id, actor_role, action, outcome, client_address, detail "
                + "FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)),
                subjectType, String.valueOf(subjectId));
    }
}
