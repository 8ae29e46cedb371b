package kr.kaesongcrossing.application.permit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A coordinator asks the office to renew a member's permit; an officer grants it (a new permit) or declines. */
@Entity
@Table(name = "permit_renewal")
public class PermitRenewal {

    public enum Status { PENDING, GRANTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "permit_id", nullable = false, updatable = false)
    private long permitId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    /** The permit while PENDING: the unique key allows one open request per permit. */
    @Column(name = "pending_permit_id")
    private Long pendingPermitId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decline_reason", length = StandingPermit.MAX_REASON_LENGTH)
    private String declineReason;

    protected PermitRenewal() {
    }

    PermitRenewal(long permitId, long requestedBy, Instant now) {
        this.permitId = permitId;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = Status.PENDING;
        this.pendingPermitId = permitId;
    }

    /** The officer declines the request; the coordinator sees the reason. */
    void decline(String reason, long officerId, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new PermitRefused("permit.error.reasonRequired");
        }
        String stripped = reason.strip();
        if (stripped.length() > StandingPermit.MAX_REASON_LENGTH) {
            throw new PermitRefused("permit.error.reasonTooLong");
        }
        decide(false, officerId, now);
        this.declineReason = stripped;
    }

    void decide(boolean granted, long officerId, Instant now) {
        if (status != Status.PENDING) {
            throw new PermitRefused("permit.error.renewalDecided");
        }
        this.status = granted ? Status.GRANTED : Status.DECLINED;
        this.pendingPermitId = null;
        this.decidedAt = now;
        this.decidedBy = officerId;
    }

    public Long getId() {
        return id;
    }

    public long getPermitId() {
        return permitId;
    }

    public long getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDeclineReason() {
        return declineReason;
    }
}
