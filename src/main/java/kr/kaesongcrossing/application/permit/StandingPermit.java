package kr.kaesongcrossing.application.permit;

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
import java.time.LocalDate;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.schedule.TravelDirection;

/**
 * A standing permit: its holder books crossings in the allowed directions on any date from {@code validFrom} to
 * {@code validUntil} (both included, KST) without a new review, until an officer revokes it.
 */
@Entity
@Table(name = "standing_permit")
public class StandingPermit {

    static final int MAX_REASON_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "holder_id", nullable = false, updatable = false)
    private long holderId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Purpose purpose;

    @Column(name = "purpose_detail", nullable = false, length = 1000, updatable = false)
    private String purposeDetail;

    @Column(nullable = false, updatable = false)
    private boolean northbound;

    @Column(nullable = false, updatable = false)
    private boolean southbound;

    @Column(name = "valid_from", nullable = false, updatable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false, updatable = false)
    private LocalDate validUntil;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private long grantedBy;

    @Column(name = "renews_id", updatable = false)
    private Long renewsId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revocation_reason", length = MAX_REASON_LENGTH)
    private String revocationReason;

    /** The holder's identity hash from the data on file at grant time, for the duplicate check; null once retained. */
    @Column(name = "id_number_hash", length = 64, updatable = false)
    private String idNumberHash;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Version
    private long version;

    protected StandingPermit() {
    }

    /** Checked by {@link PermitRules#checkGrant} before. */
    StandingPermit(PermitTerms terms, String idNumberHash, long officerId, Long renewsId, Instant now) {
        this.idNumberHash = idNumberHash;
        this.holderId = terms.holderId();
        this.organisationId = terms.organisationId();
        this.purpose = terms.purpose();
        this.purposeDetail = terms.purposeDetail().strip();
        this.northbound = terms.northbound();
        this.southbound = terms.southbound();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.grantedBy = officerId;
        this.renewsId = renewsId;
        this.grantedAt = now;
    }

    void revoke(String reason, long officerId, Instant now) {
        if (revokedAt != null) {
            throw new PermitRefused("permit.error.alreadyRevoked");
        }
        if (reason == null || reason.isBlank()) {
            throw new PermitRefused("permit.error.reasonRequired");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new PermitRefused("permit.error.reasonTooLong");
        }
        this.revokedAt = now;
        this.revokedBy = officerId;
        this.revocationReason = stripped;
    }

    /** Not revoked and {@code date} within its dates. */
    public boolean validOn(LocalDate date) {
        return revokedAt == null && !date.isBefore(validFrom) && !date.isAfter(validUntil);
    }

    public boolean allows(TravelDirection direction) {
        return direction == TravelDirection.NORTHBOUND ? northbound : southbound;
    }

    /** {@code KP-2026-000012}: the permit's reference, on its pass and in mails. */
    public String reference() {
        return reference(id, grantedAt);
    }

    /** The reference of permit {@code id} granted at {@code grantedAt}, for lists read without the entity. */
    public static String reference(long id, Instant grantedAt) {
        return String.format("KP-%d-%06d", grantedAt.atZone(kr.kaesongcrossing.system.OfficeTime.ZONE).getYear(), id);
    }

    public Long getId() {
        return id;
    }

    public long getHolderId() {
        return holderId;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getPurposeDetail() {
        return purposeDetail;
    }

    public boolean isNorthbound() {
        return northbound;
    }

    public boolean isSouthbound() {
        return southbound;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Long getRenewsId() {
        return renewsId;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevocationReason() {
        return revocationReason;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }
}
