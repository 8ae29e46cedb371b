package kr.kaesongcrossing.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published inside the transaction of every status change (e.g. for notifications). Holds no personal data
 * beyond the applicant's account id; {@code reason} is the text staff wrote for the applicant, if any.
 *
 * @param from null when the application was just created
 */
public record ApplicationStatusChanged(long applicationId, String reference, long applicantAccountId,
        ApplicationStatus from, ApplicationStatus to, String reason, LocalDate entryDate, LocalDate returnDate,
        Instant at) {
}
