package kr.kaesongcrossing.checkpoint.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A scan that a station decided offline and the server decided otherwise when it synced: the decisions differ, or
 * both accepted but the server raised an alert. One per scan id; open until a supervisor acknowledges it.
 */
@Entity
@Table(name = "scan_conflict")
class ScanConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scan_id", nullable = false, unique = true)
    private String scanId;

    @Column(name = "device_id", nullable = false)
    private long deviceId;

    @Column(name = "device_name", nullable = false)
    private String deviceName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gate gate;

    @Column(nullable = false)
    private String lane;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "offline_decision", nullable = false)
    private ScanDecision.Result offlineDecision;

    /** As the station sent it: a reason code it may know better than this server version, so kept as text. */
    @Column(name = "offline_reason")
    private String offlineReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "server_decision", nullable = false)
    private ScanDecision.Result serverDecision;

    @Enumerated(EnumType.STRING)
    @Column(name = "server_reason")
    private ScanReason serverReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "server_alert")
    private ScanReason serverAlert;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "acknowledged_by")
    private Long acknowledgedBy;

    @Column(name = "acknowledged_by_name")
    private String acknowledgedByName;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    protected ScanConflict() {
    }

    ScanConflict(ScanAnswer server, ScanRequest.Operator device, ScanDecision.Result offlineDecision,
            String offlineReason, Instant receivedAt) {
        this.scanId = server.scanId();
        this.deviceId = device.deviceId();
        this.deviceName = device.name();
        this.gate = server.gate();
        this.lane = server.lane();
        this.direction = server.direction();
        this.offlineDecision = offlineDecision;
        this.offlineReason = offlineReason;
        this.serverDecision = server.decision().result();
        this.serverReason = server.reason();
        this.serverAlert = server.alert();
        this.scannedAt = server.scannedAt();
        this.receivedAt = receivedAt;
    }

    /** Whether the server's answer differs from the offline decision enough for a supervisor to look at it. */
    static boolean between(ScanDecision.Result offline, ScanAnswer server) {
        return offline != server.decision().result() || (server.accepted() && server.alerted());
    }

    /** A supervisor has looked at it; a second acknowledgement changes nothing. Whether this one did. */
    boolean acknowledge(long supervisorId, String supervisorName, Instant now) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedBy = supervisorId;
        acknowledgedByName = supervisorName;
        acknowledgedAt = now;
        return true;
    }

    Long getId() {
        return id;
    }

    String getScanId() {
        return scanId;
    }
}
