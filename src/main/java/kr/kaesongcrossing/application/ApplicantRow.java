package kr.kaesongcrossing.application;

import java.time.Instant;
import java.time.LocalDate;

/** A line of the applicant's own list (no photo, no personal details). */
record ApplicantRow(Long id, String reference, ApplicationStatus status, Purpose purpose, LocalDate entryDate,
        LocalDate returnDate, Instant updatedAt) {
}
