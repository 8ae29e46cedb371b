package kr.kaesongcrossing.pass;

/**
 * A pass as the checkpoint needs it to decide, read under a row lock by {@link PassVerifier#lockForScan}. A standing
 * permit's pass has {@code permitId} and no application of its own: the checkpoint puts in the crossing booked for
 * the scan ({@link #forTrip}), or leaves it null when there is none.
 */
public record PassForScan(String passId, Long applicationId, long holderAccountId, boolean revoked,
        String revocationReason, java.time.Instant validFrom, java.time.Instant validUntil,
        String holderNameKorean, String holderNameLatin, Long permitId) {

    public boolean permit() {
        return permitId != null;
    }

    /** This permit pass for the crossing {@code applicationId} booked on it. */
    public PassForScan forTrip(Long applicationId) {
        return new PassForScan(passId, applicationId, holderAccountId, revoked, revocationReason, validFrom,
                validUntil, holderNameKorean, holderNameLatin, permitId);
    }
}
