package kr.kaesongcrossing.application;

import java.time.LocalDate;

/**
 * Published (with Spring's ApplicationEventPublisher) inside the transaction that makes an application
 * {@link ApplicationStatus#APPROVED_FOR_TRAVEL}: both the office and the counterpart have agreed.
 *
 * @param holderPhotoJpeg the traveller's photo as re-encoded on upload (JPEG, at most 600x800, no metadata)
 * @param nationality ISO 3166-1 alpha-3 code, e.g. {@code KOR}
 */
public record TripApprovedForTravel(long applicationId, String reference, long applicantAccountId,
        String holderNameKorean, String holderNameLatin, LocalDate dateOfBirth, String nationality,
        LocalDate entryDate, LocalDate returnDate, byte[] holderPhotoJpeg) {

    @Override
    public String toString() {
        return "TripApprovedForTravel[applicationId=" + applicationId + ", reference=" + reference + "]";
    }
}
