package kr.kaesongcrossing.application.review;

import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.system.OfficeTime;

/** A line of the review queue: enough to pick an application, nothing heavy (no photo, no ID number). */
record QueueRow(Long id, long version, long applicantId, String reference, ApplicationStatus status,
        String nameKorean, String nameLatin, Purpose purpose, LocalDate entryDate, LocalDate returnDate,
        Instant submittedAt, Long groupId, String groupReference, long groupSize) {

    /** False when {@code officer} is the applicant: the office's decisions on it are another officer's. */
    public boolean decidableBy(Actor officer) {
        return !TravelApplication.isOwnApplication(applicantId, officer);
    }

    /** Whether the queue offers it for a decision on several at once: submitted, and not the officer's own. */
    public boolean bulkDecidableBy(Actor officer) {
        return status == ApplicationStatus.SUBMITTED && decidableBy(officer);
    }

    public String submittedAtText() {
        return OfficeTime.minutes(submittedAt);
    }
}
