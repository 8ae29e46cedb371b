package kr.kaesongcrossing.application;

public record TripApprovedForTravel(long applicationId, String reference, long applicantAccountId,
        String holderNameKorean, String holderNameLatin, java.time.LocalDate dateOfBirth, String nationality,
        java.time.LocalDate entryDate, java.time.LocalDate returnDate, byte[] holderPhotoJpeg) {
}
