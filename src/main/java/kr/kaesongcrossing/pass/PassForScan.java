package kr.kaesongcrossing.pass;

/**
 * A pass as the checkpoint needs it to decide, read under a row lock by {@link PassVerifier#lockForScan}. A standing
 * permit's pass has {@code permitId} and no application of its own: the checkpoint puts in the crossing booked for
 * the scan ({@link #forTrip}), or leaves it null when there is none. A vehicle pass has {@code vehiclePlate} and
 * {@code vehicleType} (a {@code VehicleType} name); its holder is the trip's driver, and its plate stands in both
 * holder names so the log and the roster show the vehicle.
 */
public record PassForScan(String passId, Long applicationId, long holderAccountId, boolean revoked,
        String revocationReason, java.time.Instant validFrom, java.time.Instant validUntil,
        String holderNameKorean, String holderNameLatin, Long permitId, String vehiclePlate, String vehicleType) {

    /** A person's pass. */
    public PassForScan(String passId, Long applicationId, long holderAccountId, boolean revoked,
            String revocationReason, java.time.Instant validFrom, java.time.Instant validUntil,
            String holderNameKorean, String holderNameLatin, Long permitId) {
        this(passId, applicationId, holderAccountId, revoked, revocationReason, validFrom, validUntil,
                holderNameKorean, holderNameLatin, permitId, null, null);
    }

    public boolean vehicle() {
        return vehiclePlate != null;
    }

    public boolean permit() {
        return permitId != null;
    }

    /** This permit pass for the crossing {@code applicationId} booked on it. */
    public PassForScan forTrip(Long applicationId) {
        return new PassForScan(passId, applicationId, holderAccountId, revoked, revocationReason, validFrom,
                validUntil, holderNameKorean, holderNameLatin, permitId, vehiclePlate, vehicleType);
    }
}
