package kr.kaesongcrossing.application.model;

import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.application.ApplicationStatus;

/** A line of the applicant's own list (no photo, no personal details). */
public record ApplicantRow(Long id, String reference, ApplicationStatus status, Purpose purpose, LocalDate entryDate,
        LocalDate returnDate, Instant updatedAt) {
}
