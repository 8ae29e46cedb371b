package kr.kaesongcrossing.pass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An issued pass: who it is for, its validity window and the signed token its QR carries. A pass is issued once
 * and can only be revoked (by an officer, by re-issue or because the trip's approval was withdrawn).
 */
@Entity
@Table(name = "pass")
class Pass {

    static final int MAX_REASON_LENGTH = 500;
    static final String KIND_PERSON = "PERSON";
    static final String KIND_VEHICLE = "VEHICLE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pass_id", nullable = false, unique = true, length = 43)
    private String passId;

    /** The trip's application; null on a standing permit's pass. */
    @Column(name = "application_id")
    private Long applicationId;

    /** The standing permit of a permit holder's pass; null on a trip's pass. */
    @Column(name = "permit_id")
    private Long permitId;

    @Column(name = "current_for_permit")
    private Long currentForPermit;

    @Column(name = "application_reference", nullable = false, length = 20)
    private String applicationReference;

    @Column(name = "holder_account_id", nullable = false)
    private long holderAccountId;

    @Column(name = "holder_name_korean", nullable = false, length = 100)
    private String holderNameKorean;

    @Column(name = "holder_name_latin", nullable = false, length = 100)
    private String holderNameLatin;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(nullable = false, length = 40)
    private String kid;

    @Column(nullable = false, length = 2000)
    private String token;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "current_for_application")
    private Long currentForApplication;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_cause", length = 30)
    private RevocationCause revocationCause;

    @Column(name = "revocation_reason", length = MAX_REASON_LENGTH)
    private String revocationReason;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "replaced_by", length = 43)
    private String replacedBy;

    /** PERSON, or VEHICLE for the pass of the vehicle a trip brings (held by its driver). */
    @Column(nullable = false, length = 10)
    private String kind = KIND_PERSON;

    @Column(name = "vehicle_plate", length = 20)
    private String vehiclePlate;

    @Column(name = "vehicle_type", length = 20)
    private String vehicleType;

    /** A vehicle pass's application while it is live: one live vehicle pass per trip. */
    @Column(name = "current_vehicle_for_application")
    private Long currentVehicleForApplication;

    protected Pass() {
    }

    Pass(PassContent content, SignedToken token, Instant issuedAt) {
        this.passId = content.passId();
        this.applicationId = content.applicationId();
        this.applicationReference = content.applicationReference();
        this.holderAccountId = content.holderAccountId();
        this.holderNameKorean = content.holderNameKorean();
        this.holderNameLatin = content.holderNameLatin();
        this.validFrom = content.validFrom();
        this.validUntil = content.validUntil();
        this.kid = token.kid();
        this.token = token.compact();
        this.issuedAt = issuedAt;
        this.currentForApplication = content.applicationId();
        this.permitId = content.permitId();
        this.currentForPermit = content.permitId();
        if (content.vehicle() != null) {
            this.kind = KIND_VEHICLE;
            this.vehiclePlate = content.vehicle().plate();
            this.vehicleType = content.vehicle().type();
            this.currentForApplication = null;
            this.currentVehicleForApplication = content.applicationId();
        }
    }

    /** An officer revokes the pass; the reason is shown to the holder. */
    void revoke(String reason, long officerId, Instant now) {
        markRevoked(RevocationCause.OFFICER, requireReason(reason), officerId, now);
    }

    /**
     * The trip's approval was withdrawn (or the standing permit revoked); the reason (possibly empty) comes from the application. A live pass is
     * revoked (returns true); one an officer had already revoked keeps its reason but can no longer be re-issued.
     */
    boolean approvalWithdrawn(String reason, Instant now) {
        if (revokedAt == null) {
            markRevoked(RevocationCause.APPLICATION_WITHDRAWN, reason == null ? "" : truncate(reason.strip()), null,
                    now);
            return true;
        }
        if (replacedBy == null) {
            this.revocationCause = RevocationCause.APPLICATION_WITHDRAWN;
        }
        return false;
    }

    /**
     * Revokes this pass in favour of a replacement with the same trip and window. Allowed on a pass that is not
     * expired, not yet replaced and not revoked by a withdrawal (an officer's revocation can be undone this way).
     */
    PassContent reissue(String newPassId, String reason, long officerId, Instant now) {
        String checkedReason = requireReason(reason);
        reissueRefusalAt(now).ifPresent(key -> {
            throw new PassStateException(key);
        });
        if (revokedAt == null) {
            markRevoked(RevocationCause.REISSUED, checkedReason, officerId, now);
        }
        this.replacedBy = newPassId;
        return new PassContent(newPassId, applicationId, applicationReference, holderAccountId, holderNameKorean,
                holderNameLatin, validFrom, validUntil, permitId,
                vehicle() ? new PassContent.VehicleOnPass(vehiclePlate, vehicleType) : null);
    }

    /** Whether {@link #reissue} would be accepted at {@code now} (given a reason); the page offers it only then. */
    boolean reissuableAt(Instant now) {
        return reissueRefusalAt(now).isEmpty();
    }

    /** Why the pass cannot be re-issued at {@code now}: the message key, or empty when it can. */
    private Optional<String> reissueRefusalAt(Instant now) {
        if (replacedBy != null) {
            return Optional.of("pass.error.alreadyReplaced");
        }
        if (revocationCause == RevocationCause.APPLICATION_WITHDRAWN) {
            return Optional.of("pass.error.approvalWithdrawn");
        }
        // by the validity itself, not the status: a revoked pass past its end is expired too
        if (validity().endedAt(now)) {
            return Optional.of("pass.error.expired");
        }
        return Optional.empty();
    }

    private void markRevoked(RevocationCause cause, String reason, Long by, Instant now) {
        if (revokedAt != null) {
            throw new PassStateException("pass.error.alreadyRevoked");
        }
        this.revokedAt = now;
        this.revocationCause = cause;
        this.revocationReason = reason;
        this.revokedBy = by;
        this.currentForApplication = null;
        this.currentForPermit = null;
        this.currentVehicleForApplication = null;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PassStateException("pass.error.reasonRequired");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new PassStateException("pass.error.reasonTooLong");
        }
        return stripped;
    }

    private static String truncate(String text) {
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
    }

    /** Revoked wins; otherwise the validity decides. */
    PassStatus statusAt(Instant now) {
        return revokedAt != null ? PassStatus.REVOKED : validity().at(now);
    }

    private Validity validity() {
        return new Validity(validFrom, validUntil);
    }

    boolean isHeldBy(long accountId) {
        return holderAccountId == accountId;
    }

    /** A vehicle pass is shown by its plate wherever the checkpoint shows a holder (the log, the roster). */
    PassForScan forScan() {
        return new PassForScan(passId, applicationId, holderAccountId, revokedAt != null, revocationReason, validFrom,
                validUntil, vehicle() ? vehiclePlate : holderNameKorean, vehicle() ? vehiclePlate : holderNameLatin,
                permitId, vehiclePlate, vehicleType);
    }

    boolean vehicle() {
        return KIND_VEHICLE.equals(kind);
    }

    String getVehiclePlate() {
        return vehiclePlate;
    }

    String getVehicleType() {
        return vehicleType;
    }

    Long getId() {
        return id;
    }

    String getPassId() {
        return passId;
    }

    Long getPermitId() {
        return permitId;
    }

    Long getApplicationId() {
        return applicationId;
    }

    String getApplicationReference() {
        return applicationReference;
    }

    long getHolderAccountId() {
        return holderAccountId;
    }

    String getHolderNameKorean() {
        return holderNameKorean;
    }

    String getHolderNameLatin() {
        return holderNameLatin;
    }

    Instant getValidFrom() {
        return validFrom;
    }

    Instant getValidUntil() {
        return validUntil;
    }

    String getKid() {
        return kid;
    }

    String getToken() {
        return token;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    RevocationCause getRevocationCause() {
        return revocationCause;
    }

    String getRevocationReason() {
        return revocationReason;
    }

    String getReplacedBy() {
        return replacedBy;
    }
}
