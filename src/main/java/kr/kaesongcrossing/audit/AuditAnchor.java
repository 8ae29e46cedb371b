package kr.kaesongcrossing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The chain's latest hash at a time, to be copied outside the database. */
@Entity
@Table(name = "audit_anchor")
class AuditAnchor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "anchored_at", nullable = false)
    private Instant anchoredAt;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(nullable = false)
    private String hash;

    protected AuditAnchor() {
    }

    AuditAnchor(Instant anchoredAt, long eventId, String hash) {
        this.anchoredAt = anchoredAt;
        this.eventId = eventId;
        this.hash = hash;
    }

    Instant getAnchoredAt() {
        return anchoredAt;
    }

    long getEventId() {
        return eventId;
    }

    String getHash() {
        return hash;
    }
}
