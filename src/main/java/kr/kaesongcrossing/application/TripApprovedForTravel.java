package kr.kaesongcrossing.application;

import java.time.LocalDate;

/**
 * Published (with Spring's ApplicationEventPublisher) inside the transaction that makes an application
 * {@link ApplicationStatus#APPROVED_FOR_TRAVEL}: both the office and the counterpart have agreed.
 *
 * @param holderPhotoJpeg the traveller's photo as re-encoded on upload (JPEG, at most 600x800, no metadata)
 * @param nationality ISO 3166-1 alpha-3 code, e.g. {@code KOR}
 * @param vehicle the registered vehicle the traveller drives, or null
 */
public record TripApprovedForTravel(long applicationId, String reference, long applicantAccountId,
        String holderNameKorean, String holderNameLatin, LocalDate dateOfBirth, String nationality,
        LocalDate entryDate, LocalDate returnDate, byte[] holderPhotoJpeg, Vehicle vehicle) {

    /**
     * The registered vehicle the traveller drives on the trip: the pass module issues its vehicle pass.
     *
     * @param type the {@code VehicleType} name, e.g. {@code VAN}
     */
    public record Vehicle(long vehicleId, String plate, String type) {
    }

    /** A trip without a registered vehicle. */
    public TripApprovedForTravel(long applicationId, String reference, long applicantAccountId,
            String holderNameKorean, String holderNameLatin, LocalDate dateOfBirth, String nationality,
            LocalDate entryDate, LocalDate returnDate, byte[] holderPhotoJpeg) {
        this(applicationId, reference, applicantAccountId, holderNameKorean, holderNameLatin, dateOfBirth,
                nationality, entryDate, returnDate, holderPhotoJpeg, null);
    }

    @Override
    public String toString() {
        return "TripApprovedForTravel[applicationId=" + applicationId + ", reference=" + reference + "]";
    }
}
