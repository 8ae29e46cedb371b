package kr.kaesongcrossing.application.model;

import java.time.Instant;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.system.OfficeTime;

/** One status change as shown on a detail page; the time is shown in KST. */
public record TimelineEntry(ApplicationStatus from, ApplicationStatus to, Instant at, Long actorId, String actorName,
        String actorRole, String reason, String counterpartReference) {

    static TimelineEntry of(StatusChange change) {
        return new TimelineEntry(change.getFromStatus(), change.getToStatus(), change.getChangedAt(),
                change.getActorId(), change.getActorName(), change.getActorRole(), change.getReason(),
                change.getCounterpartReference());
    }

    public String atText() {
        return OfficeTime.minutes(at);
    }

    /** Message key naming what happened, e.g. {@code application.event.SUBMITTED.RESUBMITTED}. */
    public String eventKey() {
        if (to == ApplicationStatus.SUBMITTED && from == ApplicationStatus.INFORMATION_REQUESTED) {
            return "application.event.RESUBMITTED";
        }
        if (to == ApplicationStatus.WITHDRAWN && "OFFICER".equals(actorRole)) {
            return "application.event.REVOKED";
        }
        return "application.event." + to.name();
    }
}
