package kr.kaesongcrossing.checkpoint.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A lane scanner that calls the JSON API with a bearer token; only the token's SHA-256 is kept. A scan station
 * paired by a supervisor is bound to a gate and a lane (older devices have neither).
 */
@Entity
@Table(name = "checkpoint_device")
class ScannerDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    private String gate;

    private String lane;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    protected ScannerDevice() {
    }

    ScannerDevice(String name, String tokenHash, Long createdBy, Instant now) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A scan station paired for {@code gate} and {@code lane}. */
    static ScannerDevice station(String name, String tokenHash, String gate, String lane, long supervisorId,
            Instant now) {
        ScannerDevice device = new ScannerDevice(name, tokenHash, supervisorId, now);
        device.gate = gate;
        device.lane = lane;
        return device;
    }

    /** Stops the token from working; a revoked device stays listed for the log's sake. */
    void revoke(Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("device already revoked");
        }
        revokedAt = now;
    }

    boolean active() {
        return revokedAt == null;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getTokenHash() {
        return tokenHash;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    String getGate() {
        return gate;
    }

    String getLane() {
        return lane;
    }

    Instant getLastContactAt() {
        return lastContactAt;
    }
}
