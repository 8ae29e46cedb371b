package kr.kaesongcrossing.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A civilian's request to join an organisation: PENDING until a coordinator of the organisation or an officer
 * accepts or declines it, once. {@code pendingAccountId} mirrors the account only while pending, so the database
 * allows one open request per person and organisation.
 */
@Entity
@Table(name = "membership_request")
class MembershipRequest {

    enum Status { PENDING, ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "pending_account_id")
    private Long pendingAccountId;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Version
    private long version;

    protected MembershipRequest() {
    }

    MembershipRequest(long organisationId, long accountId, Instant now) {
        this.organisationId = organisationId;
        this.accountId = accountId;
        this.status = Status.PENDING;
        this.pendingAccountId = accountId;
        this.requestedAt = now;
    }

    /** The person becomes a member; the caller adds the membership in the same transaction. */
    void accept(long deciderId, Instant now) {
        decide(Status.ACCEPTED, deciderId, now);
    }

    void decline(long deciderId, Instant now) {
        decide(Status.DECLINED, deciderId, now);
    }

    private void decide(Status outcome, long deciderId, Instant now) {
        if (status != Status.PENDING) {
            throw new OrganisationRefused("organisation.refused.alreadyDecided");
        }
        status = outcome;
        pendingAccountId = null;
        decidedAt = now;
        decidedBy = deciderId;
    }

    Long getId() {
        return id;
    }

    long getOrganisationId() {
        return organisationId;
    }

    long getAccountId() {
        return accountId;
    }

    Status getStatus() {
        return status;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }
}
