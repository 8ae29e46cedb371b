package kr.kaesongcrossing.application;

import java.time.LocalDate;

/** A trip an applicant asked for that may still happen ({@link ApplicationStatus#isPlannedTrip()}). */
public record PlannedTrip(long applicationId, String reference, long applicantAccountId, LocalDate entryDate,
        LocalDate returnDate) {
}
