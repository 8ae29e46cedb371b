package kr.kaesongcrossing.application;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Where a travel application stands. Stored by name in {@code travel_application.status}. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    INFORMATION_REQUESTED,
    REJECTED,
    WITHDRAWN,
    AWAITING_CONSENT,
    CONSENT_REFUSED,
    APPROVED_FOR_TRAVEL;

    /** True while the office has not yet made its decision (or the applicant still has to act). */
    public boolean isUndecided() {
        return this == SUBMITTED || this == INFORMATION_REQUESTED;
    }

    /** The status's name in the reader's language, e.g. as an argument of a refusal's message. */
    public MessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable("application.status." + name());
    }

    /** A trip the applicant has asked for and that may still happen: submitted, not yet or positively decided. */
    public boolean isPlannedTrip() {
        return this != DRAFT && !isFinal();
    }

    /** True once nothing can change any more. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == CONSENT_REFUSED;
    }
}
