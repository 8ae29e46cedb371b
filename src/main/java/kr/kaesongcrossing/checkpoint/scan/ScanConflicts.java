package kr.kaesongcrossing.checkpoint.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offline decisions the server did not share, kept once per scan id (the unique key decides between two syncs of
 * the same queue) and listed for supervisors until acknowledged.
 */
@Service
public class ScanConflicts {

    private static final Logger log = LoggerFactory.getLogger(ScanConflicts.class);
    /** The open list shows the oldest first; more than this many open at once is a matter for the day's close. */
    static final int LIST_LIMIT = 500;

    /** An open conflict as the supervisor reads it; the holder's names come from the crossing log. */
    public record Open(long id, String scanId, String holderNameKorean, String holderNameLatin, String deviceName,
            String gate, String lane, String direction, String offlineDecision, String offlineReason,
            String serverDecision, String serverReason, String serverAlert, Instant scannedAt, Instant receivedAt) {

        public String scannedAtText() {
            return OfficeTime.seconds(scannedAt);
        }

        public String receivedAtText() {
            return OfficeTime.seconds(receivedAt);
        }

        /** The station's reason when this server knows it (a message key exists for it). */
        public boolean offlineReasonKnown() {
            return offlineReason != null && java.util.Arrays.stream(ScanReason.values())
                    .anyMatch(r -> r.name().equals(offlineReason));
        }
    }

    private final ScanConflictRepository conflicts;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ScanConflicts(ScanConflictRepository conflicts, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.conflicts = conflicts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * In the scan's transaction: keeps the conflict between the offline decision and the server's answer, if there
     * is one, unless it is kept already (the same queue synced again; the unique key decides between two concurrent
     * uploads).
     */
    void keep(ScanAnswer server, ScanRequest.Operator device, ScanDecision.Result offline, String offlineReason) {
        if (ScanConflict.between(offline, server) && !conflicts.existsByScanId(server.scanId())) {
            conflicts.save(new ScanConflict(server, device, offline, offlineReason, clock.instant()));
            log.info("Offline scan {} at {} lane {}: station {} {}, server {} {}", server.scanId(), server.gate(),
                    server.lane(), offline, offlineReason, server.decision().result(),
                    server.alerted() ? server.alert() : server.reason());
        }
    }

    @Transactional(readOnly = true)
    public long countOpen() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scan_conflict WHERE acknowledged_at IS NULL", Map.of(),
                Long.class);
    }

    @Transactional(readOnly = true)
    List<Open> open() {
        return jdbc.query("SELECT c.id, c.scan_id, l.holder_name_korean, l.holder_name_latin, c.device_name, c.gate,"
                + " c.lane, c.direction, c.offline_decision, c.offline_reason, c.server_decision, c.server_reason,"
                + " c.server_alert, c.scanned_at, c.received_at FROM scan_conflict c"
                + " LEFT JOIN crossing_log l ON l.scan_id = c.scan_id WHERE c.acknowledged_at IS NULL"
                + " ORDER BY c.received_at, c.id LIMIT " + LIST_LIMIT, Map.of(), (rs, row) -> new Open(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), instant(rs.getObject(14, LocalDateTime.class)),
                        instant(rs.getObject(15, LocalDateTime.class))));
    }

    /** A supervisor has looked at the conflict; acknowledging it again (or an unknown id) changes nothing. */
    @RetryOnWriteConflict
    @Transactional
    void acknowledge(long id, long supervisorId, String supervisorName) {
        conflicts.lockById(id).filter(c -> c.acknowledge(supervisorId, supervisorName, clock.instant()))
                .ifPresent(c -> audit.record("scan.conflict.acknowledged", Subject.of("scan-conflict", id),
                        "scan=" + c.getScanId()));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
