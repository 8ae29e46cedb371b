package kr.kaesongcrossing.pass;

import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;

/** A pass as pages and the PDF show it: times in KST, the end of validity as its last minute. */
record PassView(String passId, String applicationReference, String holderNameKorean, String holderNameLatin,
        String validFrom, String validUntil, String issuedAt, PassStatus status, String revokedAt,
        RevocationCause revocationCause, String revocationReason, String replacedBy, String kid, String token,
        String vehiclePlate, String vehicleType) {

    static PassView of(Pass pass, Instant now) {
        return new PassView(pass.getPassId(), pass.getApplicationReference(), pass.getHolderNameKorean(),
                pass.getHolderNameLatin(), OfficeTime.minutes(pass.getValidFrom()),
                OfficeTime.lastValidMinute(pass.getValidUntil()), OfficeTime.minutes(pass.getIssuedAt()),
                pass.statusAt(now),
                pass.getRevokedAt() == null ? null : OfficeTime.minutes(pass.getRevokedAt()),
                pass.getRevocationCause(), pass.getRevocationReason(), pass.getReplacedBy(), pass.getKid(),
                pass.getToken(), pass.getVehiclePlate(), pass.getVehicleType());
    }

    /** A vehicle pass: the page and the PDF show the plate and type, and the holder as its driver. */
    public boolean vehicle() {
        return vehiclePlate != null;
    }

    /** The QR is shown while the pass can still be used. */
    public boolean usable() {
        return status == PassStatus.ACTIVE || status == PassStatus.NOT_YET_VALID;
    }

    /** KRDS badge colour for the status. */
    public String badgeClass() {
        return switch (status) {
            case ACTIVE -> "bg-success";
            case NOT_YET_VALID -> "bg-information";
            case EXPIRED -> "bg-gray";
            case REVOKED -> "bg-danger";
        };
    }

    public boolean revoked() {
        return status == PassStatus.REVOKED;
    }

    public boolean hasReason() {
        return revocationReason != null && !revocationReason.isBlank();
    }
}
